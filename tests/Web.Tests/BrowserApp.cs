using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Wolverine;

namespace Holded.Partners.Web.Tests;

/// <summary>The host on a real loopback port with its own database, and a headless Chromium to look at it.</summary>
public class BrowserApp : IAsyncLifetime, IRunningApp
{
    private Factory _factory = null!;
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IHost Host => _factory.RunningHost!;
    public Uri Address { get; private set; } = null!;

    /// <summary>Where the browser tests leave what they saw, to be looked at (.local/screenshots).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(TestDatabase.RepositoryRoot, ".local", "screenshots")).FullName;

    /// <summary>Settings of this host beyond the suite's own (a subclass names an identity provider, say).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        var connectionString = await TestDatabase.CreateAsync();
        _factory = new Factory(connectionString, Settings);
        var port = TestDatabase.FreePort();
        _factory.UseKestrel(port);
        _factory.StartServer();
        // The waits for settled work hear the store's changes, as on every test host (without them, each waited its bound).
        await StoreChanges.InstallAsync(connectionString);
        Address = new Uri($"http://127.0.0.1:{port}");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>
    /// A fresh browser context's page. Its waits are bounded at a minute, not Playwright's 30 s: a cold host's first page
    /// on two busy cores (PostgreSQL, the host and the tests) has taken longer, and a wait that times out under load is a
    /// flaky test, not a finding.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "es-ES", bool javaScript = false)
    {
        var context = await Browser.NewContextAsync(new() { Locale = locale, JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A browser signed in through the development sign-in, having asked for <paramref name="path"/> first (so the
    /// sign-in brings it back there). The cookie is checked to be HttpOnly and SameSite=Strict.
    /// </summary>
    public async Task<IPage> SignedIn(string email, string path, string locale = "es-ES", string? platformRole = null, bool javaScript = true,
        string? name = null)
    {
        var page = await NewPageAsync(locale, javaScript);
        await page.GotoAsync(new Uri(Address, path).ToString());
        page.Url.ShouldContain("/signin?", Case.Sensitive, await page.Locator("body").InnerTextAsync());
        await page.FillAsync("#any-identity input[name=email]", email);
        if (name is not null) await page.FillAsync("#any-identity input[name=name]", name);
        if (platformRole is not null) await page.SelectOptionAsync("#any-identity select[name=platformRole]", platformRole);
        var target = new Uri(Address, path).AbsolutePath;
        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target), page.ClickAsync("#any-identity button[type=submit]"));
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "partners.web");
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Strict);
        return page;
    }

    /// <summary>The person signed in through the development sign-in with their name, as <see cref="AsSignedIn"/> made them.</summary>
    public Task<IPage> SignedIn(Actor person, string path, string locale = "es-ES", bool javaScript = false) =>
        SignedIn(person.Email, path, locale, javaScript: javaScript, name: person.Name);

    /// <summary>The same person as the development sign-in presents for this email, for calling the API.</summary>
    public static Actor AsSignedIn(Actor person)
    {
        var userId = Kernel.DevelopmentIdentities.SubjectFor(person.Email);
        return person with
        {
            UserId = userId,
            Token = Holded.Partners.Host.Infrastructure.DevelopmentTokens.Issue(Actor.SigningKey, userId, person.Email, person.Name, null, null, TimeSpan.FromDays(1)),
        };
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory(string connectionString, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        public IHost? RunningHost { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(PartnersApp.Environment);
            builder.UseSetting("ConnectionStrings:Partners", connectionString);
            builder.UseSetting("Auth:DevelopmentSigningKey", Actor.SigningKey);
            builder.UseSetting("Auth:ServiceClients", Actor.ServiceClient);
            builder.UseSetting("Access:SessionSigningKey", PartnersApp.SessionSigningKey);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(s => s.RunWolverineInSoloMode());
        }

        protected override IHost CreateHost(IHostBuilder builder) => RunningHost = base.CreateHost(builder);
    }
}
