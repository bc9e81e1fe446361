using Holded.Partners.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Holded.Partners.Testing;

/// <summary>Denied checks reach the trail when their window ends; a test that reads them ends the windows now.</summary>
public static class DenialWindowsEnded
{
    /// <summary>
    /// Adds this node's counted repeats, then closes every open window as the flusher does once its end has passed:
    /// each denial so far is one entry of the trail.
    /// </summary>
    public static async Task DenialWindowsEndedAsync(this IRunningApp app)
    {
        var services = app.Host.Services;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<Access.Decisions.DenialCounter>().FlushAsync(now, CancellationToken.None);
        var windows = services.GetRequiredService<Access.Decisions.DenialWindows>();
        var after = now + services.GetRequiredService<IOptions<AccessOptions>>().Value.DenialWindow;
        while (await windows.CloseEndedAsync(after, CancellationToken.None) > 0) { }
    }
}
