using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Records;
using JasperFx.Events;
using CollaborationContract = Holded.Partners.Contracts.Collaboration;
using OnboardingContract = Holded.Partners.Contracts.Onboarding;

namespace Holded.Partners.Access.Tests;

/// <summary>The record's pure folds, without a database: grants over time, plans over time, periods that overlap.</summary>
public class ProcessingRecordBuilderTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Collaboration = Guid.NewGuid(), Client = Guid.NewGuid(), Firm = Guid.NewGuid();

    private static IEvent At<T>(int day, T data) where T : notnull => new Event<T>(data) { Timestamp = Day0.AddDays(day) };

    [Fact]
    public void a_grant_past_its_expiry_stopped_then_even_before_the_expiry_was_recorded_and_a_new_expiry_alone_keeps_the_spell()
    {
        var events = new[]
        {
            At(0, new AccessGranted(Collaboration, Client, Firm, "accountant", Day0.AddDays(10), "owner", 1)),
            At(2, new AccessGrantChanged(Collaboration, Client, Firm, "accountant", "accountant", Day0.AddDays(10), Day0.AddDays(20), "owner", 2)),
        };
        var spells = ProcessingRecordBuilder.GrantSpells(events, Day0.AddDays(30));
        spells.ShouldHaveSingleItem().ShouldBe(new ProcessingRecordBuilder.GrantSpell("accountant", Day0, Day0.AddDays(20), Day0.AddDays(20), GrantStatus.Expired));
        // Before the expiry, it stands.
        ProcessingRecordBuilder.GrantSpells(events, Day0.AddDays(5)).Single().To.ShouldBeNull();
        // The expiry recorded late closes it at the expiry itself.
        var late = events.Append(At(21, new AccessExpired(Collaboration, Client, Firm, "accountant", Day0.AddDays(20)))).ToArray();
        ProcessingRecordBuilder.GrantSpells(late, Day0.AddDays(30)).Single().To.ShouldBe(Day0.AddDays(20));
    }

    [Fact]
    public void removal_and_a_new_grant_are_two_spells_and_a_later_event_is_not_seen()
    {
        var events = new[]
        {
            At(0, new AccessGranted(Collaboration, Client, Firm, "full_advisor", null, "owner", 1)),
            At(3, new AccessRemoved(Collaboration, Client, Firm, "full_advisor", "owner")),
            At(5, new AccessGranted(Collaboration, Client, Firm, "read_only", null, "owner", 2)),
        };
        ProcessingRecordBuilder.GrantSpells(events, Day0.AddDays(10)).Select(s => (s.Role, s.To, s.EndReason))
            .ShouldBe([("full_advisor", Day0.AddDays(3), GrantStatus.Removed), ("read_only", null, null)]);
        ProcessingRecordBuilder.GrantSpells(events, Day0.AddDays(4)).Count.ShouldBe(1);
    }

    [Fact]
    public void a_plan_change_splits_the_categories_and_the_plan_caps_each_section()
    {
        var client = new OnboardingContract.AccountHistory(Client, "business", "Panadería Sol SL", "B00000000", "Luis", "luis@sol.es", null,
            "Calle Real 5", "41001", "Sevilla", "sevilla", Day0.AddDays(-1),
            [new("premium", Day0.AddDays(-1), Day0.AddDays(4)), new("free", Day0.AddDays(4), null)], []);
        var firm = new OnboardingContract.AccountHistory(Firm, "advisory", "Gestoría SL", "B11111111", "Ana", "ana@g.es", null, "Calle Mayor 1", "28013", "Madrid",
            "madrid", Day0.AddDays(-9), [new(null, Day0.AddDays(-9), null)],
            [new("ana", "Ana", "ana@g.es", "administrator", Day0.AddDays(-9), Day0.AddDays(2)), new("ana", "Ana", "ana@g.es", "account_manager", Day0.AddDays(2), null)]);
        var span = new CollaborationContract.CollaborationSpan(Collaboration, Client, "Panadería Sol SL", Day0, null, null,
            [new("ana", "Ana", Day0.AddDays(6), null)], [new(["invoicing"], Day0.AddDays(1), null)]);
        var record = ProcessingRecordBuilder.Build(new RecordFacts(Firm, Day0.AddDays(10), firm, "Gestoría SL", [span],
            new Dictionary<Guid, OnboardingContract.AccountHistory> { [Client] = client },
            new Dictionary<Guid, IReadOnlyList<IEvent>> { [Collaboration] = [At(1, new AccessGranted(Collaboration, Client, Firm, "full_advisor", null, "owner", 1))] }, []));

        var period = record.Controllers.Single().Periods.Single();
        period.Categories.Select(c => (c.Plan, c.From, c.To, c.Sections.Count)).ShouldBe([("premium", Day0.AddDays(1), Day0.AddDays(4), 7), ("free", Day0.AddDays(4), null, 2)]);
        period.Categories[1].Sections.ShouldBe([new("invoicing", "write"), new("expenses", "write")]);
        // An administrator until demoted, then an account manager only from the assignment on.
        period.People.Select(p => (p.Basis, p.From, p.To)).ShouldBe([("administrator", Day0, Day0.AddDays(2)), ("account_manager", Day0.AddDays(6), null)]);
        period.SharedPendingWork.ShouldHaveSingleItem().Sections.ShouldBe(["invoicing"]);
        record.Processor.Address.ShouldBe("Calle Mayor 1, 28013 Madrid (Madrid)");
    }

    [Fact]
    public void just_in_time_access_stands_from_its_approval_to_its_early_end_or_its_expiry_as_of_the_instant()
    {
        var asked = new JustInTime.JustInTimeAccess(Guid.NewGuid(), Collaboration, Client, Firm, "ana", "Cierre", ["accounting"], 48, false,
            JustInTime.JustInTimeStatus.Pending, Day0);
        ProcessingRecordBuilder.JustInTimeSpell(asked, Day0.AddDays(5)).ShouldBeNull(); // never approved
        var approved = asked with { Status = JustInTime.JustInTimeStatus.Active, StartedAt = Day0.AddDays(1), ExpiresAt = Day0.AddDays(3) };
        ProcessingRecordBuilder.JustInTimeSpell(approved, Day0.AddHours(12)).ShouldBeNull(); // not yet started then
        ProcessingRecordBuilder.JustInTimeSpell(approved, Day0.AddDays(2)).ShouldBe((Day0.AddDays(1), null, null));
        ProcessingRecordBuilder.JustInTimeSpell(approved, Day0.AddDays(4)).ShouldBe((Day0.AddDays(1), Day0.AddDays(3), "expired")); // not yet recorded
        var recorded = approved with { Status = JustInTime.JustInTimeStatus.Expired, EndedAt = Day0.AddDays(3).AddMinutes(1) };
        ProcessingRecordBuilder.JustInTimeSpell(recorded, Day0.AddDays(4)).ShouldBe((Day0.AddDays(1), Day0.AddDays(3), "expired"));
        var ended = approved with { Status = JustInTime.JustInTimeStatus.Ended, EndedAt = Day0.AddDays(2), EndReason = "ended_by_firm" };
        ProcessingRecordBuilder.JustInTimeSpell(ended, Day0.AddDays(4)).ShouldBe((Day0.AddDays(1), Day0.AddDays(2), "ended_by_firm"));
        ProcessingRecordBuilder.JustInTimeSpell(ended, Day0.AddDays(1).AddHours(1)).ShouldBe((Day0.AddDays(1), null, null)); // ended after the instant
    }

    [Fact]
    public void periods_overlap_only_where_both_run()
    {
        ProcessingRecordBuilder.Overlap(Day0, Day0.AddDays(2), Day0.AddDays(1), null).ShouldBe((Day0.AddDays(1), Day0.AddDays(2)));
        ProcessingRecordBuilder.Overlap(Day0, null, Day0.AddDays(1), null).ShouldBe((Day0.AddDays(1), (DateTimeOffset?)null));
        ProcessingRecordBuilder.Overlap(Day0, Day0.AddDays(1), Day0.AddDays(1), null).ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-06-30", "2026-06-30T23:59:59.9999999+00:00")]
    [InlineData("2026-06-30T10:00:00+02:00", "2026-06-30T08:00:00.0000000+00:00")]
    [InlineData("", "2026-12-01T00:00:00.0000000+00:00")]
    [InlineData("2027-01-01", "2026-12-01T00:00:00.0000000+00:00")] // later than now: as of now
    public void as_of_reads_a_date_as_its_end_and_an_instant_as_itself(string text, string expected)
    {
        ProcessingRecords.TryAsOf(text, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), out var asOf).ShouldBeTrue();
        asOf.ToString("O").ShouldBe(expected);
    }
}
