using System.Diagnostics;

namespace Holded.Partners.Bench;

/// <summary>One of the host's commands (db-apply, projections rebuild...) run as an operator runs it; its output is kept in the logs.</summary>
public static class HostCommand
{
    public static Task<string> Run(Options o, IReadOnlyDictionary<string, string> environment, params string[] command) =>
        Run(o, o.HostDll, environment, command);

    /// <summary>The same for another app of the benchmark (the stack floor's own `db-apply`).</summary>
    public static async Task<string> Run(Options o, string dll, IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. command])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var log = Path.Combine(o.Logs, $"{Path.GetFileNameWithoutExtension(dll)}-{string.Join('-', command)}.log");
        await File.WriteAllTextAsync(log, await output + await errors);
        if (process.ExitCode != 0) throw new InvalidOperationException($"`{string.Join(' ', command)}` failed; see {log}");
        return await output;
    }
}
