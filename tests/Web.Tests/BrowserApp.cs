using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Wolverine;

namespace Holded.Partners.Web.Tests;

/// <summary>The host on a real loopback port with its own database, and a headless Chromium to look at it.</summary>
public sealed class BrowserApp : IAsyncLifetime, IRunningApp
{
    private Factory _factory = null!;
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IHost Host => _factory.RunningHost!;
    public Uri Address { get; private set; } = null!;

    /// <summary>Where the browser tests leave what they saw, to be looked at (.local/screenshots).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(TestDatabase.RepositoryRoot, ".local", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        _factory = new Factory(await TestDatabase.CreateAsync());
        var port = TestDatabase.FreePort();
        _factory.UseKestrel(port);
        _factory.StartServer();
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

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory(string connectionString) : WebApplicationFactory<Program>
    {
        public IHost? RunningHost { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(PartnersApp.Environment);
            builder.UseSetting("ConnectionStrings:Partners", connectionString);
            builder.UseSetting("Auth:DevelopmentSigningKey", Actor.SigningKey);
            builder.UseSetting("Auth:ServiceClients", Actor.ServiceClient);
            builder.UseSetting("Access:SessionSigningKey", PartnersApp.SessionSigningKey);
            builder.ConfigureServices(s => s.RunWolverineInSoloMode());
        }

        protected override IHost CreateHost(IHostBuilder builder) => RunningHost = base.CreateHost(builder);
    }
}
