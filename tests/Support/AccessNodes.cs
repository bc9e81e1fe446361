using Holded.Partners.Access.State;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Holded.Partners.Testing;

/// <summary>What the freshness tests of every project need: a write's access version, and a node's memory caught up.</summary>
public static class AccessNodes
{
    /// <summary>The access version a write answered in its header (the test fails when it answered none).</summary>
    public static string VersionOf(Reply reply)
    {
        reply.Headers.TryGetValues(AccessVersions.Header, out var values).ShouldBeTrue($"no {AccessVersions.Header} header: {reply.Status} {reply.Body}");
        return values!.Single();
    }

    /// <summary>Checks again each time the node's memory takes something in; bounded (a live feed hears a commit in milliseconds).</summary>
    public static async Task Until(AccessState state, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        for (var next = state.NextChange; !condition(); next = state.NextChange)
        {
            var left = deadline - DateTime.UtcNow;
            try { await next.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero); }
            catch (TimeoutException) { condition().ShouldBeTrue("the node never caught up"); }
        }
    }

    /// <summary>
    /// Another node whose change feed listens through a path that can go silent, and whose memory keeps serving for two
    /// minutes without a heartbeat answered: frozen, it deterministically holds what it knew before.
    /// </summary>
    public static async Task<SilentFeedNode> StartSilentFeedNodeAsync(this PartnersApp app)
    {
        var (proxy, throughProxy) = FreezableProxy.To(app.ConnectionString);
        var node = await app.StartAnotherNodeAsync(new Dictionary<string, string>
        {
            ["Access:ChangeFeedConnection"] = throughProxy,
            ["Access:ChangeFeedHeartbeat"] = "00:01:00",
            ["Access:ChangeFeedStaleAfter"] = "00:02:00",
        });
        var state = node.Host.Services.GetRequiredService<AccessState>();
        await Until(state, () => state.Listening);
        return new SilentFeedNode(node, new Api(node), state, proxy);
    }
}

/// <summary>A second node and the path its change feed listens through (freeze it to make the node deaf).</summary>
public sealed record SilentFeedNode(AnotherNode Node, Api Api, AccessState State, FreezableProxy Proxy) : IAsyncDisposable
{
    public Task Until(Func<bool> condition) => AccessNodes.Until(State, condition);

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
