using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Audit.Chain;
using Holded.Partners.Access.Decisions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// The ERP retrying a refused action does not flood the trail: each distinct denial is one entry per window with its
/// count and first and last time, its first time stored before the answer, its repeats counted off the check's path.
/// </summary>
public class DenialWindowTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");
    private Decisions.DenialWindows Windows => App.Host.Services.GetRequiredService<Decisions.DenialWindows>();
    private DenialCounter Counter => App.Host.Services.GetRequiredService<DenialCounter>();

    /// <summary>A firm whose role is the payroll advisor's: taxes are refused it (role_level_too_low).</summary>
    private async Task<(Guid Collaboration, Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner)> PayrollAdvisor()
    {
        var p = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner, new { role = "payroll_advisor" })).ShouldBe(HttpStatusCode.OK);
        return p;
    }

    private async Task Refused(Actor member, Guid business, string section = "taxes", string action = "read", int times = 1)
    {
        for (var i = 0; i < times; i++)
            (await Api.Post("/api/v1/access/check", Erp, new { userId = member.UserId, clientAccountId = business, section, action }))
                .ShouldBe(HttpStatusCode.OK).As<Decision>().Allowed.ShouldBeFalse();
    }

    private async Task<IReadOnlyList<AuditEntry>> Denials(Guid business, Actor owner) =>
        (await Api.GetAs<AuditPage>($"/api/v1/audit/access?clientAccountId={business}&type={AuditTypes.AccessDenied}&limit=200", owner)).Items;

    [Fact]
    public async Task a_denial_retried_many_times_is_one_entry_with_its_count_and_its_first_and_last_time()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await PayrollAdvisor();
        var started = DateTimeOffset.UtcNow;
        await Refused(firmAdmin, business, times: 40);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Refused(firmAdmin, business))); // and at once, from many connections
        await Refused(firmAdmin, business, "taxes", "write", times: 3);
        (await Denials(business, owner)).ShouldBeEmpty(); // still counting: the window has not ended

        await App.DenialWindowsEndedAsync();
        var denials = await Denials(business, owner);
        denials.Count.ShouldBe(2);
        var read = denials.Single(d => d.Permissions == "taxes:read");
        read.Count.ShouldBe(50);
        read.Reason.ShouldBe("role_level_too_low");
        (read.Member, read.Actor, read.PartnerAccountId, read.CollaborationId).ShouldBe((firmAdmin.UserId, "erp", partner, collaboration));
        read.FirstAt.ShouldNotBeNull().ShouldBeGreaterThan(started.AddSeconds(-1));
        read.LastAt.ShouldNotBeNull().ShouldBeGreaterThan(read.FirstAt.Value);
        read.LastAt.Value.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(1));
        denials.Single(d => d.Permissions == "taxes:write").Count.ShouldBe(3);
        (await App.EventCountAsync("access.check_denied")).ShouldBe(0);
    }

    [Fact]
    public async Task the_first_time_of_a_denial_is_stored_before_the_answer()
    {
        var (collaboration, partner, firmAdmin, business, _) = await PayrollAdvisor();
        await Refused(firmAdmin, business);
        // Right at the answer, nothing awaited: the denial is in its window in PostgreSQL.
        await using var session = App.Store.QuerySession();
        var window = await session.LoadAsync<DenialWindow>(
            new Denial(business, partner, collaboration, firmAdmin.UserId, "taxes", "read", "role_level_too_low").WindowId);
        window.ShouldNotBeNull().Count.ShouldBe(1);
        window.Closed.ShouldBeFalse();
        window.EndsAt.ShouldBe(window.FirstAt + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task after_the_window_the_same_denial_is_counted_into_the_next_one()
    {
        var (_, _, firmAdmin, business, owner) = await PayrollAdvisor();
        await Refused(firmAdmin, business, times: 5);
        await App.DenialWindowsEndedAsync();
        await Refused(firmAdmin, business, times: 2);
        await App.DenialWindowsEndedAsync();

        var denials = await Denials(business, owner);
        denials.Select(d => d.Count).ShouldBe([2L, 5L]); // newest first
        denials[0].FirstAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(denials[1].LastAt.ShouldNotBeNull());
        await using var session = App.Store.QuerySession();
        (await session.Query<DenialWindow>().CountAsync(w => w.Denial.ClientAccountId == business)).ShouldBe(1); // one row per denial, reused window after window
    }

    [Fact]
    public async Task nodes_closing_one_window_at_once_record_it_once()
    {
        var (_, _, firmAdmin, business, owner) = await PayrollAdvisor();
        await Refused(firmAdmin, business, times: 7);
        await Counter.FlushAsync(App.Clock.GetUtcNow(), CancellationToken.None);
        var after = App.Clock.GetUtcNow().AddMinutes(1);
        var closed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Windows.CloseEndedAsync(after, CancellationToken.None)));
        closed.Sum().ShouldBeGreaterThanOrEqualTo(1);
        (await Denials(business, owner)).ShouldHaveSingleItem().Count.ShouldBe(7);
    }

    [Fact]
    public async Task a_window_is_not_closed_before_its_end_and_is_closed_after_it()
    {
        var (_, _, firmAdmin, business, owner) = await PayrollAdvisor();
        await Refused(firmAdmin, business);
        await using var session = App.Store.QuerySession();
        var window = await session.Query<DenialWindow>().SingleAsync(w => w.Denial.ClientAccountId == business);

        await Windows.CloseEndedAsync(window.EndsAt.AddMilliseconds(-1), CancellationToken.None);
        (await Denials(business, owner)).ShouldBeEmpty();
        await Windows.CloseEndedAsync(window.EndsAt, CancellationToken.None);
        (await Denials(business, owner)).ShouldHaveSingleItem().Count.ShouldBe(1);
    }

    [Fact]
    public async Task nodes_counting_one_denial_at_once_add_up_into_one_window()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await PayrollAdvisor();
        var denial = new Denial(business, partner, collaboration, firmAdmin.UserId, "taxes", "read", "role_level_too_low");
        var now = App.Clock.GetUtcNow();
        // Six nodes' counts of one new denial: whoever opens the window first, the others add to it (the losers read it again).
        await Task.WhenAll(Enumerable.Range(1, 6).Select(n =>
            Windows.AddAsync([new DenialCount(denial, n, now, now.AddMilliseconds(n))], CancellationToken.None)));
        await App.DenialWindowsEndedAsync();

        var entry = (await Denials(business, owner)).ShouldHaveSingleItem();
        entry.Count.ShouldBe(21);
        entry.LastAt.ShouldBe(now.AddMilliseconds(6));
    }

    [Fact]
    public async Task a_window_closed_a_day_ago_is_removed_and_the_denial_s_next_time_opens_a_new_one()
    {
        var (_, _, firmAdmin, business, owner) = await PayrollAdvisor();
        await Refused(firmAdmin, business, times: 2);
        await App.DenialWindowsEndedAsync();
        await Refused(firmAdmin, business, "taxes", "write"); // a day later, a close takes the old window with it
        (await Windows.CloseEndedAsync(App.Clock.GetUtcNow().AddMinutes(1) + Decisions.DenialWindows.KeptClosed, CancellationToken.None)).ShouldBe(1);
        await using (var session = App.Store.QuerySession())
            (await session.Query<DenialWindow>().CountAsync(w => w.Denial.ClientAccountId == business)).ShouldBe(0);

        App.Clock.Advance(TimeSpan.FromMinutes(2)); // past this node's own window too: a first time again
        await Refused(firmAdmin, business);
        App.Clock.Advance(TimeSpan.FromMinutes(-2));
        await Windows.CloseEndedAsync(App.Clock.GetUtcNow().AddMinutes(3), CancellationToken.None);
        (await Denials(business, owner)).Where(d => d.Permissions == "taxes:read").Select(d => d.Count).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task the_trail_of_windows_rebuilds_the_same_and_its_chain_names_an_edited_count()
    {
        var (_, _, firmAdmin, business, _) = await PayrollAdvisor();
        await Refused(firmAdmin, business, times: 4);
        await Refused(firmAdmin, business, "accounting", "write", times: 2);
        await App.DenialWindowsEndedAsync();
        await App.ProjectionsCaughtUpAsync();
        await App.ShouldRebuildIdentically<AuditEntry>(typeof(AuditProjection));

        await App.Host.Services.GetRequiredService<AuditSealer>().SealAsync(CancellationToken.None);
        var auditor = Actor.Auditor();
        (await Api.GetAs<AuditVerification>("/api/v1/audit/verify", auditor)).Intact.ShouldBeTrue();
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "update access.mt_doc_auditentry set data = jsonb_set(data, '{Count}', '1') where data->>'Count' = '4'", connection);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        var verified = await Api.GetAs<AuditVerification>("/api/v1/audit/verify", auditor);
        verified.Intact.ShouldBeFalse();
        verified.First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.EntryModified);
        verified.First.Detail.ShouldContain("count");
    }

    [Fact]
    public async Task the_csv_has_each_window_s_count_and_its_first_and_last_time()
    {
        var (_, _, firmAdmin, business, owner) = await PayrollAdvisor();
        await Refused(firmAdmin, business, times: 3);
        await App.DenialWindowsEndedAsync();
        var csv = await Api.Send(HttpMethod.Get, $"/api/v1/audit/access?clientAccountId={business}&type=access_denied", owner, accept: "text/csv");
        var lines = csv.ShouldBe(HttpStatusCode.OK).Body.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var row = lines.Where(l => l.Contains("taxes:read")).ShouldHaveSingleItem().Split(',');
        row[Array.IndexOf(header, "count")].ShouldBe("3");
        row[Array.IndexOf(header, "first_at")].ShouldNotBeEmpty();
        row[Array.IndexOf(header, "last_at")].ShouldNotBeEmpty();
    }
}
