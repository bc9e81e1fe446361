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
    public static async Task DenialWindowsEndedAsync(this PartnersApp app)
    {
        await app.Host.Services.GetRequiredService<Access.Decisions.DenialCounter>().FlushAsync(app.Clock.GetUtcNow(), CancellationToken.None);
        var window = app.Host.Services.GetRequiredService<IOptions<AccessOptions>>().Value.DenialWindow;
        var windows = app.Host.Services.GetRequiredService<Access.Decisions.DenialWindows>();
        while (await windows.CloseEndedAsync(app.Clock.GetUtcNow() + window, CancellationToken.None) > 0) { }
    }
}
