using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Holded.Partners.Testing;

/// <summary>
/// A TCP relay to the test PostgreSQL that can go silent: frozen, it keeps every connection open but passes no byte
/// either way — a network path that died without a reset, as a dropped route or a stalled middlebox leaves it.
/// </summary>
public sealed class FreezableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _host;
    private readonly int _port;
    private volatile TaskCompletionSource _thawed = Thawed();

    private FreezableProxy(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>A relay to the server of <paramref name="connectionString"/>, and that connection string through it.</summary>
    public static (FreezableProxy Proxy, string ConnectionString) To(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = new FreezableProxy(target.Host!, target.Port);
        var through = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1", Port = ((IPEndPoint)proxy._listener.LocalEndpoint).Port, Pooling = false,
        };
        return (proxy, through.ConnectionString);
    }

    public void Freeze() => _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Thaw() => _thawed.TrySetResult();

    private static TaskCompletionSource Thawed()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_host, _port, _stop.Token);
                await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream()), PumpAsync(server.GetStream(), client.GetStream()));
            }
            catch (Exception) { } // either side gone: the relay ends with it
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            await _thawed.Task.WaitAsync(_stop.Token); // frozen: hold everything, close nothing
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0) return;
            await _thawed.Task.WaitAsync(_stop.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
