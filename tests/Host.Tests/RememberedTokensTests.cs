using System.Security.Claims;
using Holded.Partners.Host.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Holded.Partners.Host.Tests;

/// <summary>Valid bearer tokens are remembered so their signatures are not checked on every request — within limits.</summary>
public class RememberedTokensTests(PartnersApp app) : AppTest(app)
{
    private readonly ShiftedClock _clock = new();

    // The host's own validation rules, with lifetimes read from the test's clock.
    private TokenValidationParameters Rules(SecurityKey? key = null)
    {
        var rules = App.Host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.Clone();
        rules.LifetimeValidator = (_, expires, _, _) => expires > _clock.GetUtcNow().UtcDateTime;
        if (key is not null) rules.IssuerSigningKey = key;
        return rules;
    }

    private static string Token(TimeSpan lifetime) =>
        DevelopmentTokens.Issue(Actor.SigningKey, "erp", null, null, null, ["partners.access.check"], lifetime, clientId: Actor.ServiceClient);

    [Fact]
    public async Task a_valid_token_is_remembered_for_minutes_then_checked_again()
    {
        var tokens = new RememberedTokens(_clock);
        var token = Token(TimeSpan.FromHours(1));
        (await tokens.ValidateTokenAsync(token, Rules())).IsValid.ShouldBeTrue();

        // Under a key that would refuse it, the remembered answer still stands for a while...
        var otherKey = Identity.SigningKey("another-key-that-did-not-sign-this-token-0123456789");
        _clock.Advance(TimeSpan.FromMinutes(4));
        (await tokens.ValidateTokenAsync(token, Rules(otherKey))).IsValid.ShouldBeTrue();
        // ...and no longer than five minutes: then the signature is checked again.
        _clock.Advance(TimeSpan.FromMinutes(2));
        (await tokens.ValidateTokenAsync(token, Rules(otherKey))).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task a_remembered_token_is_refused_once_it_expires()
    {
        var tokens = new RememberedTokens(_clock);
        var token = Token(TimeSpan.FromMinutes(2));
        (await tokens.ValidateTokenAsync(token, Rules())).IsValid.ShouldBeTrue();
        _clock.Advance(TimeSpan.FromMinutes(3));
        (await tokens.ValidateTokenAsync(token, Rules())).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task each_request_gets_its_own_identity()
    {
        var tokens = new RememberedTokens(_clock);
        var token = Token(TimeSpan.FromHours(1));
        var first = (await tokens.ValidateTokenAsync(token, Rules())).ClaimsIdentity;
        first.AddClaim(new Claim("platform_role", "auditor"));
        var second = (await tokens.ValidateTokenAsync(token, Rules())).ClaimsIdentity;
        second.ShouldNotBeSameAs(first);
        second.FindFirst("platform_role").ShouldBeNull();
    }

    [Fact]
    public async Task a_tampered_copy_of_a_remembered_token_is_refused()
    {
        var erp = Actor.Service("partners.access.check");
        var body = new { userId = "someone", clientAccountId = Guid.NewGuid(), section = "accounting", action = "read" };
        (await Api.Post("/api/v1/access/check", erp, body)).ShouldBe(HttpStatusCode.OK);
        var signature = erp.Token[(erp.Token.LastIndexOf('.') + 1)..];
        var tampered = erp with { Token = erp.Token[..(erp.Token.LastIndexOf('.') + 1)] + new string(signature.Reverse().ToArray()) };
        (await Api.Post("/api/v1/access/check", tampered, body)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post("/api/v1/access/check", erp, body)).ShouldBe(HttpStatusCode.OK);
    }
}
