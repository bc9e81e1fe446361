using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Sessions;
using Marten;
using System.Text.RegularExpressions;
using Npgsql;
using Wolverine.Tracking;
using Collaborations = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// An ended collaboration's streams are archived after its retention (Marten's is_archived): the collaboration's, its grant's, its sessions' and its just-in-time access'. Nothing anyone reads
/// changes, a rebuild of every projection gives back every document, and the trail still verifies.
/// </summary>
public class ArchivingTests(PartnersApp app) : AppTest(app)
{
    private Wolverine.IMessageBus Bus => Wolverine.HostBuilderExtensions.MessageBus(App.Host);

    private sealed record Ended(Guid Collaboration, Guid Partner, Actor Admin, Guid Business, Actor Owner, Guid[] Streams, Wolverine.Envelope[] Scheduled)
    {
        public object Archive => Scheduled[0].Message!;
    }

    /// <summary>A collaboration with a grant, two sessions and a just-in-time access, ended by its client.</summary>
    private async Task<Ended> EndedCollaboration()
    {
        var (collaboration, partner, admin, business, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        var sessions = new List<Guid>();
        for (var i = 0; i < 2; i++)
            sessions.Add((await Api.Post("/api/v1/access/sessions", admin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).Json!["sessionId"]!.GetValue<Guid>());
        var member = await Api.AddMember(partner, admin, "account_manager");
        var justInTime = (await Api.Post($"/api/v1/collaborations/{collaboration}/just-in-time", member,
            new { reason = "Cierre trimestral: revisar el IVA del T3.", sections = new[] { "accounting" }, hours = 4 })).ShouldBe(HttpStatusCode.Created).Id;
        (await Api.Post($"/api/v1/just-in-time/{justInTime}/approve", admin)).ShouldBe(HttpStatusCode.OK);

        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            (await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Fin del encargo.", confirm = true })).ShouldBe(HttpStatusCode.OK)));
        // One for each module that archives its own streams: Collaboration's and Access's.
        var archive = tracked.Scheduled.Envelopes().Where(e => e.Message is Collaborations.ArchiveEndedCollaboration).ToArray();
        archive.Select(e => e.Destination!.ToString()).Order().ShouldBe([
            "local://holded.partners.access.grants.archiveendedaccesshandler/",
            "local://holded.partners.collaboration.collaborations.archiveendedcollaborationhandler/"]);
        return new Ended(collaboration, partner, admin, business, owner, [collaboration, Grant.IdFor(collaboration), .. sessions, justInTime], archive);
    }

    [Fact]
    public async Task an_end_schedules_its_archiving_after_the_retention()
    {
        var before = App.Clock.GetUtcNow();
        var ended = await EndedCollaboration();
        foreach (var scheduled in ended.Scheduled)
            scheduled.ScheduledTime!.Value.ShouldBeInRange(before.AddDays(30), App.Clock.GetUtcNow().AddDays(30));
        // Until then every one of its streams is live.
        (await Archived(ended.Streams)).ShouldAllBe(s => s == false);
    }

    [Fact]
    public async Task archived_streams_leave_the_live_tables_and_nothing_anyone_reads_changes()
    {
        var e = await EndedCollaboration();
        var reads = new[]
        {
            ($"/api/v1/collaborations/{e.Collaboration}", e.Owner),
            ($"/api/v1/collaborations/{e.Collaboration}/access-grant", e.Owner),
            ($"/api/v1/audit/access?clientAccountId={e.Business}", e.Owner),
            ($"/api/v1/firms/{e.Partner}/processing-record?asOf={Uri.EscapeDataString(App.Clock.GetUtcNow().ToString("O"))}", e.Admin),
            ($"/api/v1/partners/{e.Partner}/just-in-time", e.Admin),
        };
        var before = await Read(reads);
        var refusedBefore = await Refusals(e);

        await Api.Settled(() => Bus.PublishAsync(e.Archive).AsTask());

        (await Archived(e.Streams)).ShouldAllBe(s => s == true);
        (await Count(archived: false, e.Streams)).ShouldBe(0, "no event of an archived stream stays live");
        (await Count(archived: true, e.Streams)).ShouldBeGreaterThan(e.Streams.Length);
        (await Read(reads)).ShouldBe(before);
        (await Refusals(e)).ShouldBe(refusedBefore);
        await App.ProjectionsCaughtUpAsync();
        (await Api.Get("/api/v1/audit/verify", Actor.Auditor())).ShouldBe(HttpStatusCode.OK)["intact"]!.GetValue<bool>().ShouldBeTrue();

        // Heard again (a redelivery), it changes nothing.
        await Api.Settled(() => Bus.PublishAsync(e.Archive).AsTask());
        (await Archived(e.Streams)).ShouldAllBe(s => s == true);
        (await Read(reads)).ShouldBe(before);
    }

    [Fact]
    public async Task every_projection_rebuilt_after_an_archiving_gives_back_every_document()
    {
        var e = await EndedCollaboration();
        await Api.Settled(() => Bus.PublishAsync(e.Archive).AsTask());
        (await Archived(e.Streams)).ShouldAllBe(s => s == true);
        await App.ProjectionsCaughtUpAsync();

        var projections = ((StoreOptions)App.Store.Options).Projections.All.ToList();
        var tables = projections.SelectMany(p => p.PublishedTypes()).Distinct()
            .Select(t => App.Store.Options.FindOrResolveDocumentType(t).TableName.QualifiedName).ToList();
        var live = await Documents(tables);
        live.Count.ShouldBeGreaterThan(10);

        using (var daemon = await App.Store.BuildProjectionDaemonAsync())
            foreach (var projection in projections)
                await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(1), CancellationToken.None);

        (await Documents(tables)).ShouldBe(live);
        (await Api.Get("/api/v1/audit/verify", Actor.Auditor())).ShouldBe(HttpStatusCode.OK)["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_running_collaboration_is_never_archived_whoever_sends_the_message()
    {
        var (collaboration, _, admin, business, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        await Api.Settled(() => Bus.PublishAsync(new Collaborations.ArchiveEndedCollaboration(collaboration)).AsTask());
        (await Archived([collaboration, Grant.IdFor(collaboration)])).ShouldAllBe(s => s == false);
        (await Api.Post("/api/v1/access/sessions", admin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created);
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" })).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<List<string>> Read(IEnumerable<(string Url, Actor Who)> reads)
    {
        var bodies = new List<string>();
        foreach (var (url, who) in reads) bodies.Add((await Api.Get(url, who)).ShouldBe(HttpStatusCode.OK).Body);
        return bodies;
    }

    /// <summary>What an ended collaboration refuses, archived or not: the same status and rule.</summary>
    private async Task<List<string>> Refusals(Ended e) =>
    [
        Untraced(await Api.Post($"/api/v1/collaborations/{e.Collaboration}/end", e.Owner, new { reason = "Otra vez.", confirm = true })),
        Untraced(await Api.Put($"/api/v1/collaborations/{e.Collaboration}/access-grant", e.Owner, new { role = "read_only" })),
    ];

    private static string Untraced(Reply reply) => $"{(int)reply.Status} {Regex.Replace(reply.Body, "\"traceId\":\"[^\"]*\"", "")}";

    private async Task<List<bool>> Archived(Guid[] streams)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("select is_archived from events.mt_streams where id = any(@ids)", connection);
        query.Parameters.AddWithValue("ids", streams);
        var found = new List<bool>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetBoolean(0));
        found.Count.ShouldBe(streams.Length, "every stream is found, live or archived");
        return found;
    }

    private Task<long> Count(bool archived, Guid[] streams) =>
        Eventually.CountAsync(App.ConnectionString, "select count(*) from events.mt_events where stream_id = any(@ids) and is_archived = @archived",
            new NpgsqlParameter("ids", streams), new NpgsqlParameter("archived", archived));

    private async Task<List<string>> Documents(IEnumerable<string> tables)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var query = new NpgsqlCommand($"select id::text || ' ' || data::text from {table}", connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add($"{table} {reader.GetString(0)}");
        }
        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
