using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Botshop.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Botshop.Server.Tests.Teams;

/// <summary>
/// Stands in for login.botframework.com on loopback: OpenID metadata and a JWKS with one key endorsed for msteams,
/// and mints real RS256 tokens with it (or with a key it never published, for the forged cases).
/// </summary>
public sealed class FakeTeamsIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "server-tests-k1";

    private readonly RSA _key = RSA.Create(2048);
    private LoopbackServer _server = null!;

    /// <summary>A key the JWKS does not contain.</summary>
    public RSA StrangerKey { get; } = RSA.Create(2048);

    public string MetadataUrl => new Uri(_server.BaseUri, "v1/.well-known/openidconfiguration").ToString();

    public static async Task<FakeTeamsIssuer> StartAsync()
    {
        var issuer = new FakeTeamsIssuer();
        issuer._server = await LoopbackServer.StartAsync(issuer.ServeAsync);
        return issuer;
    }

    /// <summary>A token as the Bot Connector sends it; a test spoils one part to forge it.</summary>
    public string Mint(string audience, string serviceUrl, string issuer = Issuer, string kid = KeyId, RSA? signWith = null,
        DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = exp.AddHours(-2),
            IssuedAt = exp.AddHours(-2),
            Expires = exp,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _key) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private async Task ServeAsync(RecordedRequest request, HttpContext ctx)
    {
        ctx.Response.ContentType = "application/json";
        JsonObject? document = request.Path switch
        {
            "/v1/.well-known/openidconfiguration" => new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = new Uri(_server.BaseUri, "keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            },
            "/keys" => KeySet(),
            _ => null,
        };
        if (document is null) ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        else await ctx.Response.WriteAsync(document.ToJsonString());
    }

    private JsonObject KeySet()
    {
        var p = _key.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray("msteams"),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) };
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
