using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Holded.Partners.Host.Tests;

/// <summary>Traces and metrics leave the host over OTLP once an endpoint is configured, and not otherwise; logs keep the configured level.</summary>
public class TelemetryTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task the_configured_log_level_holds_for_every_category()
    {
        App.Log.Clear();
        // A request and the messages it sets off: Wolverine logs each message handled at debug, under the message's type.
        await Api.Settled(() => Api.RegisterPartner(Actor.Person("Lía Niveles")));
        // And one entry at information, so that what is captured is seen to get through.
        (await Api.Send(HttpMethod.Post, "/api/v1/accounts", Actor.Person(), rawBody: "{")).ShouldBeInvalid("body");
        App.Log.Entries.ShouldContain(e => e.Contains("Refused a body of the wrong shape"));
        App.Log.Below(Microsoft.Extensions.Logging.LogLevel.Information).ShouldBeEmpty("appsettings.json: Logging:LogLevel:Default is Information");
    }

    [Fact]
    public async Task traces_and_metrics_are_exported_to_the_configured_otlp_endpoint()
    {
        var port = TestDatabase.FreePort();
        var received = new ConcurrentDictionary<string, bool>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                try
                {
                    var context = await collector.GetContextAsync();
                    received[context.Request.Url!.AbsolutePath] = true;
                    if (received.ContainsKey("/v1/traces") && received.ContainsKey("/v1/metrics")) both.TrySetResult();
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or SocketException) { return; }
            }
        });

        await using var node = await App.StartAnotherNodeAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        var there = new Api(node);
        (await there.Get("/api/v1/access/roles", Actor.Person())).ShouldBe(HttpStatusCode.OK);

        // The collector says when both have arrived; ten seconds is many export intervals.
        await both.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        received.Keys.ShouldContain("/v1/traces");
        received.Keys.ShouldContain("/v1/metrics");
    }
}
