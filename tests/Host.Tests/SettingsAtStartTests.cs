using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// Configuration is bound to options classes and checked when the host starts: a wrong setting stops it there, with a
/// message naming the setting, not at the first email, token or session.
/// </summary>
public class SettingsAtStartTests(PartnersApp app) : AppTest(app)
{
    [Theory]
    [InlineData("Notifications:Smtp:Port", "0", "Notifications:Smtp:Port must be between 1 and 65535")]
    [InlineData("Notifications:BaseUrl", "partners.holded.com", "Notifications:BaseUrl must be an absolute http(s) address")]
    [InlineData("Notifications:From", "Holded Partners <no-reply@>", "Notifications:From must be a mailbox")]
    [InlineData("Auth:DevelopmentSigningKey", "short", "Auth:DevelopmentSigningKey must be at least 32 bytes long")]
    [InlineData("Auth:Authority", "login.example.com", "Auth:Authority must be the https address")]
    [InlineData("Access:SessionSigningKey", "short", "Access:SessionSigningKey must be at least 32 bytes long")]
    [InlineData("Access:ChangeFeedStaleAfter", "00:00:00.5", "Access:ChangeFeedStaleAfter (00:00:00.5000000) must be longer than Access:ChangeFeedHeartbeat")]
    [InlineData("Access:DenialWindow", "00:00:00.5", "Access:DenialWindow must be between 1 second and 24 hours")]
    [InlineData("Access:DenialFlushEvery", "00:02:00", "Access:DenialFlushEvery must be at least 100 ms and shorter than Access:DenialWindow")]
    [InlineData("Audit:SigningKeyFile", "/nowhere/audit-key.pem", "Audit:SigningKeyFile '/nowhere/audit-key.pem' does not exist")]
    [InlineData("Audit:DigestEvery", "00:00:00.1", "Audit:DigestEvery must be at least a second")]
    [InlineData("Http:ProxyNetworks", "10.0.0.0/8, the proxy", "Http:ProxyNetworks must list CIDR networks")]
    [InlineData("Marketplace:DirectoryRequestsPerMinute", "0", "Marketplace:DirectoryRequestsPerMinute must be at least 1")]
    [InlineData("Collaboration:ArchiveEndedAfter", "-1.00:00:00", "Collaboration:ArchiveEndedAfter must not be negative")]
    public async Task a_wrong_setting_stops_the_host_at_start_naming_it(string setting, string value, string said)
    {
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var node = await App.StartNodeAsync(
                s => s.DisableAllExternalWolverineTransports().ConfigureWolverine(o => o.Durability.Mode = DurabilityMode.MediatorOnly),
                new Dictionary<string, string> { [setting] = value });
        });
        (failure is OptionsValidationException ? failure.Message : failure.ToString()).ShouldContain(said);
    }
}
