using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>The host beside a real OpenID Connect provider: the portal signs people in there, with the code flow.</summary>
public sealed class ProviderBrowserApp : BrowserApp
{
    public IdentityProvider Provider { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Authority"] = Provider.Address.ToString(),
        ["Auth:Audience"] = "holded-partners",
        ["Auth:PortalClientId"] = IdentityProvider.ClientId,
    };

    public override async Task InitializeAsync()
    {
        Provider = await IdentityProvider.StartAsync(() => new Uri(Address, "/signin-oidc").ToString());
        await base.InitializeAsync();
        // Cold work done here, with no page waiting on it (a first sign-in on two busy cores went past a minute): the
        // provider's metadata and keys, and the portal's challenge, which reads them.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(3) };
        (await http.GetAsync(new Uri(Provider.Address, ".well-known/openid-configuration"))).EnsureSuccessStatusCode();
        (await http.GetAsync(new Uri(Address, "/portal"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // And one whole sign-in in the browser, bounded by minutes rather than the tests' one: the provider's
        // authorization and token endpoints and the portal's code exchange each run once before a page is timed (a
        // first sign-in under load still went past a minute with only the metadata warmed).
        Provider.Person = () => new Dictionary<string, string>
        {
            ["sub"] = "provider|warm-up@holded.com", ["email"] = "warm-up@holded.com", ["email_verified"] = "true", ["name"] = "Warm Up",
        };
        var page = await NewPageAsync();
        page.Context.SetDefaultNavigationTimeout(180_000);
        page.Context.SetDefaultTimeout(180_000);
        await page.GotoAsync(new Uri(Address, "/portal").ToString());
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        await page.Context.CloseAsync();
        Provider.Person = () => new Dictionary<string, string>();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public class OidcSignInTests(ProviderBrowserApp app) : IClassFixture<ProviderBrowserApp>
{
    private static Dictionary<string, string> Person(string email, string name, params (string, string)[] more)
    {
        var claims = new Dictionary<string, string>
        {
            ["sub"] = $"provider|{email}", ["email"] = email, ["email_verified"] = "true", ["name"] = name,
        };
        foreach (var (type, value) in more) claims[type] = value;
        return claims;
    }

    private Task<IPage> Browser() => app.NewPageAsync();

    [Fact]
    public async Task a_person_signs_in_at_the_provider_with_the_code_flow_and_pkce_and_lands_where_they_were_going()
    {
        app.Provider.Person = () => Person("revisora@holded.com", "Rita Revisora", ("platform_role", "reviewer"));
        var page = await Browser();
        await page.GotoAsync(new Uri(app.Address, "/portal").ToString());
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");

        var authorize = app.Provider.AuthorizationRequests.Last();
        authorize["response_type"].ToString().ShouldBe("code");
        authorize["code_challenge_method"].ToString().ShouldBe("S256");
        authorize["code_challenge"].ToString().ShouldNotBeEmpty();
        authorize["response_mode"].ToString().ShouldNotBe("form_post"); // the answer comes in the query (its default for a code): no page that needs JavaScript
        authorize["redirect_uri"].ToString().ShouldBe(new Uri(app.Address, "/signin-oidc").ToString());

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Hola, Rita Revisora");
        (await page.Locator("#staff").InnerTextAsync()).ShouldContain("Revisión"); // the provider's platform role, as the API reads it
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "partners.web");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteAttribute.Strict);
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name.Contains("OpenIdConnect")); // nonce and correlation spent
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task the_portal_reads_the_providers_token_by_the_apis_rules_an_unknown_role_is_none_and_a_service_mark_is_dropped()
    {
        // What a bearer token may not claim, an id token may not either: an unknown platform role is no role, and the
        // service mark is this system's own, never taken from a token.
        app.Provider.Person = () => Person("pablo@gestoria.es", "Pablo Gestor", ("platform_role", "superadmin"), ("partners_service", "true"),
            ("scope", "partners.pending-work.write"));
        var page = await Browser();
        await page.GotoAsync(new Uri(app.Address, "/portal").ToString());
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Hola, Pablo Gestor");
        (await page.Locator("#staff").CountAsync()).ShouldBe(0);

        // What the pages' cookie holds, read with the host's own key: the provider's person, without the forged mark.
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "partners.web");
        var ticket = app.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(Kernel.WebIdentity.Scheme).TicketDataFormat.Unprotect(cookie.Value)!;
        var caller = Kernel.Caller.From(ticket.Principal);
        (caller.UserId, caller.Email, caller.IsPerson, caller.IsService, caller.PlatformRole).ShouldBe(("provider|pablo@gestoria.es", "pablo@gestoria.es", true, false, null));
        caller.Has("partners.pending-work.write").ShouldBeFalse();
        ticket.Principal.HasClaim(c => c.Type == Kernel.Caller.ServiceClaim).ShouldBeFalse();

        var response = await page.GotoAsync(new Uri(app.Address, "/api/v1/me").ToString()); // the API takes bearer tokens, never the pages' cookie
        response!.Status.ShouldBe(401);
    }

    [Fact]
    public async Task a_sign_in_the_provider_refuses_leaves_no_session_and_says_so()
    {
        app.Provider.Refuse = "access_denied";
        try
        {
            var page = await Browser();
            var response = await page.GotoAsync(new Uri(app.Address, "/signin?returnUrl=%2Fportal").ToString());
            new Uri(page.Url).AbsolutePath.ShouldBe("/signin-oidc");
            response!.Status.ShouldBe(401);
            (await page.ContentAsync()).ShouldContain("did not complete");
            (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partners.web");
        }
        finally
        {
            app.Provider.Refuse = null;
        }
    }
}
