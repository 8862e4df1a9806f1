using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Botshop.Testing;

/// <summary>
/// A loopback stand-in for login.botframework.com: OpenID metadata plus a JWKS whose keys the test can rotate, and a
/// minter of real RS256 tokens signed with those keys. Shared by the Teams adapter tests and the server's Teams tests.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly Dictionary<string, (RSA Key, string[] Endorsements)> _published = new();
    private readonly object _lock = new();
    private LoopbackServer _server = null!;

    public string MetadataUrl => new Uri(_server.BaseUri, "v1/.well-known/openidconfiguration").ToString();
    public int KeySetRequests => _server.Requests.Count(r => r.Path == "/keys");

    public static async Task<FakeBotFrameworkIssuer> StartAsync()
    {
        var issuer = new FakeBotFrameworkIssuer();
        issuer.Publish("k1", RSA.Create(2048), "msteams");
        issuer._server = await LoopbackServer.StartAsync(issuer.HandleAsync);
        return issuer;
    }

    public RSA KeyOf(string kid) { lock (_lock) return _published[kid].Key; }

    /// <summary>Adds (or replaces) a key in the JWKS, as a real key rotation does.</summary>
    public void Publish(string kid, RSA key, params string[] endorsements)
    {
        lock (_lock) _published[kid] = (key, endorsements);
    }

    /// <summary>A token as the Bot Connector sends it; each argument can be spoiled by a test.</summary>
    public static string Mint(RSA key, string kid, string issuer = Issuer, string audience = AppId,
        string? serviceUrl = ServiceUrl, DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private async Task HandleAsync(RecordedRequest request, HttpContext ctx)
    {
        ctx.Response.ContentType = "application/json";
        if (request.Path == "/v1/.well-known/openidconfiguration")
        {
            var metadata = new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = new Uri(_server.BaseUri, "keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256")
            };
            await ctx.Response.WriteAsync(metadata.ToJsonString());
        }
        else if (request.Path == "/keys")
        {
            await ctx.Response.WriteAsync(KeySet().ToJsonString());
        }
        else ctx.Response.StatusCode = 404;
    }

    private JsonObject KeySet()
    {
        var keys = new JsonArray();
        lock (_lock)
            foreach (var (kid, (key, endorsements)) in _published)
            {
                var p = key.ExportParameters(false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = kid,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
                });
            }
        return new JsonObject { ["keys"] = keys };
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
