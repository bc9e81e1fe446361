using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Holded.Partners.Kernel;

/// <summary>
/// The demo identities — the development sign-in page and the development token endpoint — exist in Development only,
/// and never beside a real identity provider: with Auth:Authority configured, people sign in there.
/// </summary>
public static class DevelopmentIdentities
{
    public static bool Offered(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && string.IsNullOrEmpty(configuration["Auth:Authority"]);
}
