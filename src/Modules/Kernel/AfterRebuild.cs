namespace Holded.Partners.Kernel;

/// <summary>
/// What a module does once a projection has been rebuilt: documents were rewritten behind whatever it holds in memory.
/// The host calls every one after a rebuild, whichever module's projection it was.
/// </summary>
public interface IAfterRebuild
{
    Task AfterRebuildAsync(CancellationToken ct);
}
