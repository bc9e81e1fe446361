using System.Text;
using Holded.Partners.Access.Records;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Holded.Partners.Access.Tests;

/// <summary>The firm's record of processing (GDPR Art. 30(2)) as of any date, from the events of three modules.</summary>
public class ProcessingRecordTests(PartnersApp app) : AppTest(app)
{
    private static string Url(Guid firm, DateTimeOffset? asOf = null, string pdf = "") =>
        $"/api/v1/firms/{firm}/processing-record{pdf}" + (asOf is { } at ? $"?asOf={Uri.EscapeDataString(at.ToString("O"))}" : "");

    private async Task<ProcessingRecord> Record(Guid firm, Actor who, DateTimeOffset? asOf = null) => await Api.GetAs<ProcessingRecord>(Url(firm, asOf), who);

    /// <summary>An instant strictly between what was recorded before and what will be recorded after.</summary>
    private static async Task<DateTimeOffset> Mark()
    {
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero); // events keep microseconds
        // The next event's instant is later, whatever the clock's grain: a millisecond on, nothing timed.
        while (DateTimeOffset.UtcNow < at.AddMilliseconds(1)) await Task.Yield();
        return at;
    }

    private sealed record Story(Guid Firm, Actor Admin, Actor Manager, Guid FirstClient, Guid FirstCollaboration, Guid SecondClient,
        DateTimeOffset Started, DateTimeOffset Granted, DateTimeOffset Assigned, DateTimeOffset Changed, DateTimeOffset SecondGranted, DateTimeOffset Ended);

    /// <summary>
    /// A firm serving two clients: the first grants "accountant", the firm assigns a manager who enters once, the client
    /// changes the role to "read_only"; a second client grants "tax_advisor"; then the first collaboration ends.
    /// </summary>
    private async Task<Story> TwoClientsOverTime()
    {
        var admin = Actor.Person("Alba Administradora");
        var firm = await Api.PublishedPartner(admin);
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var firstOwner = Actor.Person("Olga Owner");
        var (first, conversation) = await Api.RequestedCollaboration(firstOwner, firm);
        var collaboration = await Api.AcceptRequest(admin, conversation);
        var started = await Mark();
        await Api.Settled(async () => (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", firstOwner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK));
        (await Api.Put($"/api/v1/clients/{first}/shared-sections", firstOwner, new { sections = new[] { "accounting", "invoicing" } })).ShouldBe(HttpStatusCode.OK);
        var granted = await Mark();
        await Api.Settled(async () => (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", admin, new { userIds = new[] { manager.UserId } })).ShouldBe(HttpStatusCode.OK));
        (await Api.Post("/api/v1/access/sessions", manager, new { clientAccountId = first })).ShouldBe(HttpStatusCode.Created);
        var assigned = await Mark();
        await Api.Settled(async () => (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", firstOwner, new { role = "read_only" })).ShouldBe(HttpStatusCode.OK));
        var changed = await Mark();

        var secondOwner = Actor.Person("Sara Second");
        var (second, secondConversation) = await Api.RequestedCollaboration(secondOwner, firm);
        var secondCollaboration = await Api.AcceptRequest(admin, secondConversation);
        await Api.Settled(async () => (await Api.Put($"/api/v1/collaborations/{secondCollaboration}/access-grant", secondOwner, new { role = "tax_advisor" })).ShouldBe(HttpStatusCode.OK));
        var secondGranted = await Mark();
        await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{collaboration}/end", firstOwner, new { reason = "Cambiamos de gestoría.", confirm = true })).ShouldBe(HttpStatusCode.OK));
        var ended = await Mark();
        return new Story(firm, admin, manager, first, collaboration, second, started, granted, assigned, changed, secondGranted, ended);
    }

    [Fact]
    public async Task the_record_says_what_stood_at_each_date_before_and_after_each_change()
    {
        var s = await TwoClientsOverTime();

        // Started, nothing granted yet: the first client only, no category, the administrator (who reaches every client).
        var atStart = await Record(s.Firm, s.Admin, s.Started);
        atStart.AsOf.ShouldBe(s.Started);
        atStart.Processor.LegalName.ShouldBe("Gestoría Test SL");
        atStart.Processor.TaxId.ShouldNotBeNullOrWhiteSpace();
        atStart.Processor.ContactEmail.ShouldBe("ana@gestoria.es");
        var only = atStart.Controllers.ShouldHaveSingleItem();
        only.Client.AccountId.ShouldBe(s.FirstClient);
        only.Client.ContactEmail.ShouldBe("luis@panaderiasol.es");
        var period = only.Periods.ShouldHaveSingleItem();
        (period.CollaborationId, period.To).ShouldBe((s.FirstCollaboration, null));
        period.Categories.ShouldBeEmpty();
        period.People.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.UserId.ShouldBe(s.Admin.UserId), p => p.Basis.ShouldBe("administrator"), p => p.To.ShouldBeNull());
        atStart.Safeguards.Count.ShouldBeGreaterThan(5);

        // Granted: accountant under the standard plan, in force; the manager not yet assigned.
        var atGrant = (await Record(s.Firm, s.Admin, s.Granted)).Controllers.Single().Periods.Single();
        var accountant = atGrant.Categories.ShouldHaveSingleItem();
        (accountant.Role, accountant.Plan, accountant.To).ShouldBe(("accountant", "standard", null));
        accountant.Sections.ShouldBe([new("invoicing", "read"), new("accounting", "write"), new("banking", "write"), new("expenses", "read"), new("taxes", "write")]);
        atGrant.People.Select(p => p.UserId).ShouldBe([s.Admin.UserId]);

        // Assigned: the manager has access from then on, and entered once.
        var atAssign = (await Record(s.Firm, s.Admin, s.Assigned)).Controllers.Single().Periods.Single();
        atAssign.People.Single(p => p.UserId == s.Manager.UserId).ShouldSatisfyAllConditions(
            p => p.Basis.ShouldBe("account_manager"), p => p.To.ShouldBeNull(), p => p.Name.ShouldBe(s.Manager.Name), p => p.Email.ShouldBe(s.Manager.Email));
        atAssign.Sessions.ShouldHaveSingleItem().ShouldSatisfyAllConditions(x => x.UserId.ShouldBe(s.Manager.UserId), x => x.Count.ShouldBe(1));

        // Changed: accountant until the change, read_only since.
        var atChange = (await Record(s.Firm, s.Admin, s.Changed)).Controllers.Single().Periods.Single();
        atChange.Categories.Select(c => (c.Role, Open: c.To is null)).ShouldBe([("accountant", false), ("read_only", true)]);
        atChange.Categories[0].To.ShouldBe(atChange.Categories[1].From);
        atChange.Categories[0].EndReason.ShouldBeNull();
        atChange.Categories[1].Sections.Count.ShouldBe(6); // all read, but inventory: not in the standard plan
        atChange.SharedPendingWork.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            x => x.Sections.ShouldBe(["invoicing", "accounting"]), x => x.To.ShouldBeNull());
        atStart.Controllers.Single().Periods.Single().SharedPendingWork.ShouldBeEmpty();

        // The second client joins the record; the first is still running.
        var atSecond = await Record(s.Firm, s.Admin, s.SecondGranted);
        atSecond.Controllers.Select(c => c.Client.AccountId).ShouldBe([s.FirstClient, s.SecondClient], ignoreOrder: true);
        atSecond.Controllers.Single(c => c.Client.AccountId == s.SecondClient).Periods.Single().Categories.Single().Role.ShouldBe("tax_advisor");
        atSecond.Controllers.Single(c => c.Client.AccountId == s.FirstClient).Periods.Single().To.ShouldBeNull();

        // Ended: the first period closed with its reason, its grant terminated, its people's access closed with it.
        foreach (var asOf in new DateTimeOffset?[] { s.Ended, null })
        {
            var atEnd = await Record(s.Firm, s.Admin, asOf);
            var ended = atEnd.Controllers.Single(c => c.Client.AccountId == s.FirstClient).Periods.Single();
            ended.To.ShouldNotBeNull();
            ended.EndReason.ShouldBe("Cambiamos de gestoría.");
            ended.Categories[^1].ShouldSatisfyAllConditions(c => c.Role.ShouldBe("read_only"), c => c.To.ShouldBe(ended.To), c => c.EndReason.ShouldBe("terminated"));
            ended.People.ShouldAllBe(p => p.To <= ended.To && p.To > ended.To!.Value.AddSeconds(-1)); // unassigned with the end
            ended.Sessions.Single().Count.ShouldBe(1);
            ended.SharedPendingWork.Single().To.ShouldBe(ended.To);
            atEnd.Controllers.Single(c => c.Client.AccountId == s.SecondClient).Periods.Single().To.ShouldBeNull();
        }

        // A date before the firm's clients, given as a plain date: nobody served yet.
        var before = await Api.GetAs<ProcessingRecord>($"/api/v1/firms/{s.Firm}/processing-record?asOf={s.Started.AddDays(-2):yyyy-MM-dd}", s.Admin);
        before.Controllers.ShouldBeEmpty();
        before.AsOf.ShouldBe(new DateTimeOffset(s.Started.AddDays(-2).UtcDateTime.Date.AddDays(1).AddTicks(-1), TimeSpan.Zero));

        // The platform's auditors read it too.
        (await Record(s.Firm, Actor.Auditor())).Controllers.Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_pdf_carries_the_record_as_real_text_in_either_language()
    {
        var s = await TwoClientsOverTime();
        var reply = await Api.Send(HttpMethod.Get, Url(s.Firm, s.Changed, ".pdf"), s.Admin);
        reply.ShouldBe(HttpStatusCode.OK);
        reply.ContentType.ShouldBe("application/pdf");

        var spanish = await PdfText(Url(s.Firm, s.Changed, ".pdf"), s.Admin, "es");
        spanish.ShouldContain("Registro de las actividades de tratamiento (art. 30.2 RGPD)");
        spanish.ShouldContain("Encargado del tratamiento");
        spanish.ShouldContain("Gestoría Test SL");
        spanish.ShouldContain("Panadería Sol SL");
        spanish.ShouldContain("Contable");
        spanish.ShouldContain("Solo lectura");
        spanish.ShouldContain("Contabilidad: Ver y editar");
        spanish.ShouldContain(s.Manager.Name);
        spanish.ShouldContain("gestor asignado a este cliente");
        spanish.ShouldContain("Medidas técnicas y organizativas de seguridad");
        spanish.ShouldNotContain("Asesor fiscal"); // the second client had not granted yet then

        var english = await PdfText(Url(s.Firm, null, ".pdf"), s.Admin, "en");
        english.ShouldContain("Record of processing activities (GDPR Art. 30(2))");
        english.ShouldContain("Tax advisor");
        english.ShouldContain("Cambiamos de gestoría.");
        english.ShouldContain("ended with the collaboration");
        english.ShouldContain("Technical and organisational security measures");
    }

    private sealed record TemporaryAccess(Guid Firm, Actor Admin, Guid Client, Actor Member, Actor Pending, Actor Declined, Guid Request,
        DateTimeOffset Before, DateTimeOffset During);

    private static object Asking(string reason) => new { reason, sections = new[] { "accounting", "invoicing" }, hours = 4 };

    /// <summary>
    /// A client that granted "accountant", and three members of the firm not assigned to it who ask for just-in-time access:
    /// the firm approves the first, leaves the second pending and declines the third.
    /// </summary>
    private async Task<TemporaryAccess> JustInTimeAsked()
    {
        var (collaboration, firm, admin, client, owner) = await Api.Collaborating();
        await Api.Settled(async () => (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK));
        var member = await Api.AddMember(firm, admin, "account_manager");
        var pending = await Api.AddMember(firm, admin, "account_manager");
        var declined = await Api.AddMember(firm, admin, "account_manager");
        var ask = $"/api/v1/collaborations/{collaboration}/just-in-time";
        var request = await Api.Settled(async () => (await Api.Post(ask, member, Asking("Cierre trimestral: revisar el IVA del T3."))).ShouldBe(HttpStatusCode.Created).Id);
        var before = await Mark(); // asked, not yet approved
        (await Api.Post($"/api/v1/just-in-time/{request}/approve", admin)).ShouldBe(HttpStatusCode.OK);
        var during = await Mark();
        (await Api.Post(ask, pending, Asking("Quiero ver las facturas."))).ShouldBe(HttpStatusCode.Created);
        var refused = (await Api.Post(ask, declined, Asking("Por si acaso."))).ShouldBe(HttpStatusCode.Created).Id;
        (await Api.Post($"/api/v1/just-in-time/{refused}/decline", admin)).ShouldBe(HttpStatusCode.OK);
        return new TemporaryAccess(firm, admin, client, member, pending, declined, request, before, during);
    }

    private static IReadOnlyList<PersonWithAccess> TemporaryPeople(ProcessingRecord record) =>
        [.. record.Controllers.Single().Periods.Single().People.Where(p => p.Basis == AccessBases.JustInTime)];

    [Fact]
    public async Task just_in_time_access_is_listed_with_its_period_sections_and_reason_once_approved_and_as_it_stood_then()
    {
        var t = await JustInTimeAsked();

        // Approved: the member, named as the firm knows them, in force, with what they asked for; pending and declined are not there.
        var now = TemporaryPeople(await Record(t.Firm, t.Admin)).ShouldHaveSingleItem();
        now.ShouldSatisfyAllConditions(
            p => p.UserId.ShouldBe(t.Member.UserId), p => p.Name.ShouldBe(t.Member.Name), p => p.Email.ShouldBe(t.Member.Email),
            p => p.From.ShouldBeGreaterThan(t.Before), p => p.From.ShouldBeLessThanOrEqualTo(t.During), p => p.To.ShouldBeNull());
        var asked = now.JustInTime.ShouldNotBeNull();
        (asked.RequestId, asked.Reason, asked.EndReason).ShouldBe((t.Request, "Cierre trimestral: revisar el IVA del T3.", null));
        asked.Sections.ShouldBe(["invoicing", "accounting"]);
        asked.ExpiresAt.ShouldBe(now.From.AddHours(4), TimeSpan.FromMinutes(1));

        // As of before the approval: nobody on that basis.
        TemporaryPeople(await Record(t.Firm, t.Admin, t.Before)).ShouldBeEmpty();

        // Ended early: closed with the reason since; as of a moment during it, still in force.
        (await Api.Post($"/api/v1/just-in-time/{t.Request}/end", t.Member)).ShouldBe(HttpStatusCode.OK);
        var ended = TemporaryPeople(await Record(t.Firm, t.Admin)).ShouldHaveSingleItem();
        ended.To.ShouldNotBeNull().ShouldBeGreaterThan(t.During);
        ended.JustInTime!.EndReason.ShouldBe("ended_by_requester");
        var during = TemporaryPeople(await Record(t.Firm, t.Admin, t.During)).ShouldHaveSingleItem();
        (during.UserId, during.To, during.JustInTime!.EndReason).ShouldBe((t.Member.UserId, null, null));
    }

    [Fact]
    public async Task just_in_time_access_past_its_expiry_reads_as_expired_then_in_the_json_and_the_pdf()
    {
        var t = await JustInTimeAsked();
        App.Clock.Advance(TimeSpan.FromHours(5)); // past its four hours, its expiry not yet recorded
        var expired = TemporaryPeople(await Record(t.Firm, t.Admin)).ShouldHaveSingleItem();
        expired.JustInTime!.EndReason.ShouldBe("expired");
        expired.To.ShouldBe(expired.JustInTime.ExpiresAt);

        var spanish = await PdfText(Url(t.Firm, pdf: ".pdf"), t.Admin, "es");
        spanish.ShouldContain("acceso temporal pedido y aprobado");
        spanish.ShouldContain("Cierre trimestral: revisar el IVA del T3.");
        spanish.ShouldContain("caducó el");
        spanish.ShouldNotContain("Quiero ver las facturas.");
        spanish.ShouldNotContain("Por si acaso.");
        var english = await PdfText(Url(t.Firm, t.During, ".pdf"), t.Admin, "en");
        english.ShouldContain("temporary access asked for and approved");
        english.ShouldContain("sections: Invoicing, Accounting");
        english.ShouldContain("expiring");
    }

    /// <summary>The text the PDF's pages draw, read back with PDFsharp's own reader: every string shown, line by line.</summary>
    private async Task<string> PdfText(string url, Actor who, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", who.Token);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await App.CreateClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        void Walk(CObject item)
        {
            switch (item)
            {
                case CString s: text.Append(s.Value); break;
                case COperator { OpCode.OpCodeName: OpCodeName.Tj or OpCodeName.TJ } op:
                    foreach (var operand in op.Operands) Walk(operand);
                    text.Append('\n');
                    break;
                case CSequence sequence: foreach (var child in sequence) Walk(child); break;
            }
        }
        foreach (var page in document.Pages) Walk(ContentReader.ReadContent(page));
        // Wrapped lines join with spaces, as a reader would read the paragraph.
        return text.ToString().Replace('\n', ' ');
    }

    [Fact]
    public async Task only_the_firms_administrators_and_auditors_read_it_and_a_bad_date_is_refused()
    {
        var (collaboration, firm, admin, business, owner) = await Api.Collaborating();
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var otherAdmin = Actor.Person("Other Firm");
        await Api.RegisterFirm(otherAdmin);

        foreach (var pdf in new[] { "", ".pdf" })
        {
            (await Api.Get(Url(firm, pdf: pdf), null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
            (await Api.Get(Url(firm, pdf: pdf), otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get(Url(firm, pdf: pdf), Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get(Url(firm, pdf: pdf), owner)).ShouldBeProblem(HttpStatusCode.NotFound); // the client learns nothing of the firm's record
            (await Api.Get(Url(business, pdf: pdf), owner)).ShouldBeProblem(HttpStatusCode.NotFound); // a business keeps no processor's record
            (await Api.Get(Url(Guid.NewGuid(), pdf: pdf), Actor.Auditor())).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get(Url(firm, pdf: pdf), manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
            (await Api.Get(Url(firm, pdf: pdf), Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.NotFound);
            foreach (var bad in new[] { "30/06/2026", "2026-02-30", "yesterday", "1999-12-31" })
                (await Api.Get($"/api/v1/firms/{firm}/processing-record{pdf}?asOf={Uri.EscapeDataString(bad)}", admin)).ShouldBeInvalid("asOf");
        }
        // Who may not read it learns nothing from a bad date either.
        (await Api.Get($"/api/v1/firms/{firm}/processing-record?asOf=nonsense", otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/firms/{firm}/processing-record?asOf=2999-01-01", admin)).ShouldBe(HttpStatusCode.OK)
            .As<ProcessingRecord>().AsOf.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow); // a later date reads as now
        _ = collaboration;
    }
}
