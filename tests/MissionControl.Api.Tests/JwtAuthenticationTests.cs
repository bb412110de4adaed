using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using MissionControl.Api.Tests.Support;
using MissionControl.ApiGateway.Authentication;

namespace MissionControl.Api.Tests;

/// <summary>
/// AUTH_MODE=jwt runs the real JwtBearer handler. The issuer's metadata is supplied in-process
/// (a signing key and issuer name) instead of fetched, so no identity provider is needed.
/// </summary>
public sealed class JwtAuthenticationTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.mission-control.test/";
    private const string Audience = "mission-control";

    private readonly SymmetricSecurityKey _signingKey = new(RandomNumberGenerator.GetBytes(32));
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(
        new Dictionary<string, string?> { ["AUTH_MODE"] = "jwt", ["JWT_AUTHORITY"] = Issuer, ["JWT_AUDIENCE"] = Audience },
        services => services.PostConfigure<JwtBearerOptions>(AuthSchemes.User, jwt =>
        {
            var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
            metadata.SigningKeys.Add(_signingKey);
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
        }));

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_token_signed_by_the_issuer_for_our_audience_authenticates_its_subject()
    {
        var response = await GetUser(Token(Audience, DateTime.UtcNow.AddMinutes(5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.JsonAsync();
        Assert.Equal("operator-7", user.GetProperty("subject").GetString());
        Assert.Equal("ops@mission-control.test", user.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_token_for_another_audience_answers_401()
    {
        var response = await GetUser(Token("someone-else", DateTime.UtcNow.AddMinutes(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.DetailAsync());
    }

    [Fact]
    public async Task An_expired_token_answers_401()
    {
        var response = await GetUser(Token(Audience, DateTime.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_local_token_means_nothing_in_jwt_mode()
    {
        var response = await GetUser(MissionControlFactory.LocalToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string Token(string audience, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("sub", "operator-7"), new Claim("email", "ops@mission-control.test")]),
        NotBefore = expires.AddMinutes(-30),
        IssuedAt = expires.AddMinutes(-30),
        Expires = expires,
        SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.HmacSha256),
    });

    private async Task<HttpResponseMessage> GetUser(string token)
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/test/user");
    }
}
