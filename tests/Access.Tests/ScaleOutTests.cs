using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.State;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Holded.Partners.Testing;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// The check is served from memory on each node. A change committed on one node reaches every other node's answers
/// through PostgreSQL, and a node that lost its listener never answers from what it may have missed.
/// </summary>
public class ScaleOutTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    [Fact]
    public async Task another_node_hears_each_change_and_recovers_from_a_lost_listener()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        var grant = $"/api/v1/collaborations/{collaboration}/access-grant";
        await Api.Put(grant, owner, new { role = "accountant" });
        await using var other = await App.StartAnotherNodeAsync();
        var there = new Api(other);
        async Task<string> ReasonThere() =>
            (await there.Post("/api/v1/access/check", Erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "write" }))
            .ShouldBe(HttpStatusCode.OK).As<Decision>().Reason;

        var state = other.Host.Services.GetRequiredService<AccessState>();
        Task Eventually(Func<Task<bool>> condition) => Heard(state, condition);
        await Eventually(() => Task.FromResult(state.Listening));
        (await ReasonThere()).ShouldBe("granted"); // now in its memory

        (await Api.Delete(grant, owner)).ShouldBe(HttpStatusCode.NoContent); // committed on this node
        await Eventually(async () => await ReasonThere() == "grant_removed");

        // The other node's listener is cut off; what is committed meanwhile must not be missed.
        await DropListeners();
        await Eventually(() => Task.FromResult(!state.Listening)); // it knows, and reads the database until it listens again
        (await Api.Put(grant, owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        await Eventually(async () => await ReasonThere() == "granted");
        (await Api.Delete(grant, owner)).ShouldBe(HttpStatusCode.NoContent);
        await Eventually(async () => await ReasonThere() == "grant_removed");
    }

    [Fact]
    public async Task a_node_whose_listener_falls_silent_stops_answering_from_memory_within_seconds()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        var grant = $"/api/v1/collaborations/{collaboration}/access-grant";
        await Api.Put(grant, owner, new { role = "accountant" });
        // The other node listens through a path that can die without a reset.
        var (proxy, throughProxy) = FreezableProxy.To(App.ConnectionString);
        await using var _ = proxy;
        await using var other = await App.StartAnotherNodeAsync(new Dictionary<string, string> { ["Access:ChangeFeedConnection"] = throughProxy });
        var there = new Api(other);
        async Task<string> ReasonThere() =>
            (await there.Post("/api/v1/access/check", Erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "write" }))
            .ShouldBe(HttpStatusCode.OK).As<Decision>().Reason;
        var state = other.Host.Services.GetRequiredService<AccessState>();
        await Heard(state, () => Task.FromResult(state.Listening));
        (await ReasonThere()).ShouldBe("granted"); // now in its memory
        state.Feed.Serves.ShouldBeTrue();

        proxy.Freeze(); // no reset, no error: the listener simply hears nothing more
        (await Api.Delete(grant, owner)).ShouldBe(HttpStatusCode.NoContent); // its notification never reaches the other node
        // Within seconds the other node's memory stops serving (its heartbeat goes unanswered), and it reads afresh.
        await Heard(state, () => Task.FromResult(!state.Listening));
        state.Feed.Serves.ShouldBeFalse();
        (await ReasonThere()).ShouldBe("grant_removed");

        proxy.Thaw();
        await Heard(state, () => Task.FromResult(state.Listening));
        (await ReasonThere()).ShouldBe("grant_removed");
    }

    private async Task DropListeners()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and application_name like 'partners-access-feed-%'", connection);
        ((long)(await drop.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
    }

    /// <summary>
    /// Checks again each time the other node's memory takes something in. Bounded: a node hears a commit in
    /// milliseconds; ten seconds means it never will.
    /// </summary>
    private static async Task Heard(AccessState state, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        for (var next = state.NextChange; !await condition(); next = state.NextChange) // taken before the check: nothing slips between
        {
            var left = deadline - DateTime.UtcNow;
            try { await next.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero); }
            catch (TimeoutException) { (await condition()).ShouldBeTrue("the other node never caught up"); }
        }
    }
}
