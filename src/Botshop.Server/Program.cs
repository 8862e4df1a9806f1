using Botshop.Server.Chat;
using Botshop.Server.Composition;
using Botshop.Server.Health;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotshopServer();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHealth();
app.MapChat();
app.Run();

/// <summary>The web server: web chat, Slack and Teams endpoints, health checks.</summary>
public partial class Program;
