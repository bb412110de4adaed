using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// An OpenID Connect issuer on loopback for the dashboard's sign-in: metadata, signing keys, an
/// authorization endpoint that signs <see cref="Subject"/> in at once (no login page) and a token
/// endpoint that checks the PKCE verifier. Every answer allows any origin, as public issuers do
/// for browser clients.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "mission-control-dashboard";
    public const string Subject = "operator-oidc";
    public const string Email = "oidc-operator@mission-control.test";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-idp-key" };
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> _codes = new();
    private readonly string _audience;
    private int _tokensIssued;

    private FakeIdentityProvider(string audience)
    {
        _audience = audience;
        Url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url.ToString());
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            await next();
        });
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(Metadata()));
        _app.MapGet("/jwks", () => Results.Json(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(PublicKey()) } }));
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    public Uri Url { get; }

    /// <summary>Token requests answered, for a test that checks the code was traded.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public static async Task<FakeIdentityProvider> StartAsync(string audience)
    {
        var provider = new FakeIdentityProvider(audience);
        await provider._app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string Issuer => Url.ToString();

    private object Metadata() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = new Uri(Url, "/authorize").ToString(),
        ["token_endpoint"] = new Uri(Url, "/token").ToString(),
        ["jwks_uri"] = new Uri(Url, "/jwks").ToString(),
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
    };

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
            return Results.BadRequest("unknown client or unsupported request");
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (query["code_challenge"].ToString(), query["redirect_uri"].ToString());
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || !_codes.TryRemove(form["code"].ToString(), out var issued))
            return Results.BadRequest(new { error = "invalid_grant" });
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != issued.Challenge || form["redirect_uri"] != issued.RedirectUri)
            return Results.BadRequest(new { error = "invalid_grant" });
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = AccessToken(), token_type = "Bearer", expires_in = 3600 });
    }

    private string AccessToken() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = _audience,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["sub"] = Subject, ["email"] = Email, ["name"] = "OIDC Operator" },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    private RsaSecurityKey PublicKey() => new(_key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _key.KeyId };
}
