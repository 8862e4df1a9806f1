using Botshop.Server.Chat;
using Botshop.Server.Composition;
using Botshop.Server.Health;
using Botshop.Server.Privacy;
using Botshop.Server.Models;
using Botshop.Server.Slack;
using Botshop.Server.Teams;

// The program's own folder is the content root: appsettings.json and wwwroot are found wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddBotshopServer();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapChat();
app.MapSlack();
app.MapTeams();
app.MapBotshopPrivacy();
app.MapRazorPages();
app.MapModelsApi();
app.LogChannelModes();
app.Run();

/// <summary>The web server: web chat, Slack and Teams endpoints, health checks.</summary>
public partial class Program;
