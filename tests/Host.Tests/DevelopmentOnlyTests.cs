using System.Diagnostics;
using System.Text.Json.Nodes;
using Holded.Partners.Host.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// The demo identities and the development keys are a developer's machine's alone: anywhere else — a staging host, a
/// host with a real identity provider — the sign-in is not there, the public keys refuse to start, and a published
/// host does not even carry them.
/// </summary>
public class DevelopmentOnlyTests(PartnersApp app) : AppTest(app)
{
    private static void AsAnotherNode(IServiceCollection s) =>
        s.DisableAllExternalWolverineTransports().ConfigureWolverine(o => o.Durability.Mode = DurabilityMode.MediatorOnly);

    [Theory]
    [InlineData("Staging", null)]
    [InlineData("Testing", null)]
    [InlineData("Development", "https://login.example.com/")]
    public async Task the_development_sign_in_is_not_there_outside_development_or_beside_a_real_provider(string environment, string? authority)
    {
        var settings = new Dictionary<string, string>();
        if (authority is not null) (settings["Auth:Authority"], settings["Auth:Audience"]) = (authority, "holded-partners");
        await using var node = await App.StartNodeAsync(AsAnotherNode, settings, environment);
        var client = node.CreateClient();
        (await client.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var post = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "eve@example.es", ["platformRole"] = "auditor",
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.Headers.Contains("Set-Cookie").ShouldBeFalse();
        var token = await client.PostAsync("/dev/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "eve@example.es" }));
        token.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_developer_gets_a_token_from_the_running_host_in_milliseconds()
    {
        var client = App.CreateClient();
        async Task<string> Token(params (string, string)[] fields)
        {
            var response = await client.PostAsync("/dev/token", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadAsStringAsync()).Trim();
        }
        var ana = new Actor("", "ana@lopez-asesores.es", "Ana López", await Token(("email", "ana@lopez-asesores.es"), ("name", "Ana López")));
        (await Api.GetAs<Holded.Partners.Onboarding.Identity.MeResponse>("/api/v1/me", ana)).Email.ShouldBe("ana@lopez-asesores.es");
        var rita = new Actor("", "", "", await Token(("email", "rita@holded.com"), ("platform-role", "reviewer")));
        (await Api.GetAs<Holded.Partners.Onboarding.Identity.MeResponse>("/api/v1/me", rita)).PlatformRole.ShouldBe("reviewer");
        // A service's token names its client after its subject: one listed in Auth:ServiceClients counts as that service.
        var erp = new Actor("", "", "", await Token(("sub", Actor.ServiceClient), ("scope", "partners.access.check"), ("scope", "partners.billing")));
        (await Api.Get("/api/v1/me", erp))["scopes"].AsArray().Count.ShouldBe(2);
        (await Api.Post("/api/v1/access/check", erp, new { userId = "x", clientAccountId = Guid.NewGuid(), section = "accounting", action = "read" }))
            .ShouldBe(HttpStatusCode.OK);

        var bad = await client.PostAsync("/dev/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "not an email", ["platform-role"] = "king" }));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("Auth:DevelopmentSigningKey", DevelopmentTokens.PublicSigningKey)]
    [InlineData("Access:SessionSigningKey", DevelopmentTokens.PublicSessionKey)]
    public async Task the_public_development_keys_refuse_to_start_outside_development(string setting, string publicKey)
    {
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var node = await App.StartNodeAsync(AsAnotherNode, new Dictionary<string, string> { [setting] = publicKey }, "Staging");
        });
        failure.ToString().ShouldContain("public");
    }

    [Fact]
    public void the_public_keys_are_the_ones_the_development_settings_ship()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot, "src", "Host", "appsettings.Development.json")))!;
        settings["Auth"]!["DevelopmentSigningKey"]!.GetValue<string>().ShouldBe(DevelopmentTokens.PublicSigningKey);
        settings["Access"]!["SessionSigningKey"]!.GetValue<string>().ShouldBe(DevelopmentTokens.PublicSessionKey);
    }

    [Fact]
    public async Task a_published_host_carries_no_development_settings()
    {
        var output = Path.Combine(Path.GetTempPath(), $"partners-publish-{Guid.NewGuid():N}");
        try
        {
            var build = typeof(DevelopmentOnlyTests).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            using var publish = Process.Start(new ProcessStartInfo("dotnet",
                ["publish", Path.Combine(TestDatabase.RepositoryRoot, "src", "Host", "Holded.Partners.Host.csproj"), "--no-build", "-c", build, "-o", output])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var log = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            publish.ExitCode.ShouldBe(0, log);
            File.Exists(Path.Combine(output, "appsettings.json")).ShouldBeTrue(log);
            File.Exists(Path.Combine(output, "appsettings.Development.json")).ShouldBeFalse();
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
