using System.Diagnostics;

namespace Holded.Partners.Bench;

/// <summary>A server as a process of its own on a loopback port: started, awaited, watched (CPU, peak memory), stopped.</summary>
public sealed class Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    public string Url { get; }
    public long PeakRssBytes { get; private set; }
    public int Pid => _process.Id;

    private Server(Process process, string url)
    {
        _process = process;
        Url = url;
        _watch = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakRssBytes = Math.Max(PeakRssBytes, Rss());
                try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public static Server Start(string dll, int port, IReadOnlyDictionary<string, string> environment, string log)
    {
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ASPNETCORE_URLS"] = url, ["Logging__LogLevel__Default"] = "Warning" },
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Server(process, url);
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; returns how long after <paramref name="since"/> that was.</summary>
    public async Task<TimeSpan> WaitFor(string path, long since, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (Stopwatch.GetElapsedTime(since) < within)
        {
            try { if ((await http.GetAsync(Url + path)).IsSuccessStatusCode) return Stopwatch.GetElapsedTime(since); }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (_process.HasExited) throw new InvalidOperationException($"{Url} exited with {_process.ExitCode} before {path} answered");
            await Task.Delay(5);
        }
        throw new TimeoutException($"{Url}{path} did not answer 200 within {within}");
    }

    /// <summary>User + system CPU seconds so far (from /proc).</summary>
    public double CpuSeconds()
    {
        var fields = File.ReadAllText($"/proc/{Pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    private long Rss()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:"));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { return 0; }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _watch;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
