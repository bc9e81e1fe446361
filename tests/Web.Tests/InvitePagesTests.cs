using Holded.Partners.Kernel;
using Holded.Partners.Marketplace.Conversations;
using Holded.Partners.Marketplace.Invites;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Capability 6 in the browser, without JavaScript: a firm makes an invite link, a business opens it (or types its code
/// on its marketplace page) and starts the conversation with the request ready to send, the firm sees the use and
/// revokes the link through a confirmation, and whoever may not start is told why.
/// </summary>
[Collection(BrowserCollection.Name)]
public class InvitePagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);
    private static int _firms;

    private string Url(string path) => new Uri(app.Address, path).ToString();

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, $"{name}.png"), FullPage = true });

    private async Task<(Guid Firm, Actor Admin, string Name)> ListedFirm()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Gestora"));
        var name = $"Gestoría Invita {Interlocked.Increment(ref _firms)}";
        var firm = await _api.PublishedPartner(admin, Scenarios.CompleteProfile(name,
            "Contabilidad, impuestos y nóminas para pymes y autónomos desde hace veinte años."));
        return (firm, admin, name);
    }

    private async Task<(Guid Business, Actor Owner)> Business()
    {
        var owner = BrowserApp.AsSignedIn(Actor.Person("Luis Sol"));
        return (await _api.RegisterBusiness(owner), owner);
    }

    private async Task<InviteLinkSummary> Link(Guid firm, Actor admin)
    {
        var id = (await _api.Post($"/api/v1/partners/{firm}/invite-links", admin, new { label = "Tarjetas" })).ShouldBe(HttpStatusCode.Created).Id;
        return await _api.GetAs<InviteLinkSummary>($"/api/v1/partners/{firm}/invite-links/{id}", admin);
    }

    private static Task Submit(IPage page, string form, Func<string, bool> arrivesAt) =>
        Task.WhenAll(page.WaitForURLAsync(url => arrivesAt(url)), page.ClickAsync($"main {form} button[type=submit]"));

    [Fact]
    public async Task a_firm_shares_a_link_a_business_starts_through_it_and_the_firm_revokes_it_through_a_confirmation()
    {
        var (firm, admin, name) = await ListedFirm();
        var (business, owner) = await Business();

        // The firm makes a link.
        var firmPage = await app.SignedIn(admin, $"/firms/{firm}/invite-links");
        (await firmPage.TitleAsync()).ShouldBe("Invitar clientes — Holded Partners");
        (await firmPage.Locator("#empty").CountAsync()).ShouldBe(1);
        (await firmPage.Locator("header nav a[aria-current=page]").InnerTextAsync()).ShouldBe("Invitar clientes");
        await firmPage.ShouldBeAccessibleAsync();
        await firmPage.FillAsync("#label", "Web de la asesoría");
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        await firmPage.FillAsync("#expires", lastDay.ToString("yyyy-MM-dd"));
        await Submit(firmPage, "#new-link", url => url.Contains("done=created"));
        var linkId = Guid.Parse(new Uri(firmPage.Url).AbsolutePath.Split('/').Last());
        var link = await _api.GetAs<InviteLinkSummary>($"/api/v1/partners/{firm}/invite-links/{linkId}", admin);
        (await firmPage.InputValueAsync("#link-url")).ShouldBe(link.Url);
        (await firmPage.Locator("#link-code").InnerTextAsync()).ShouldBe(InviteKeys.Display(link.Code));
        link.Label.ShouldBe("Web de la asesoría");
        link.ExpiresAt.ShouldBe(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)); // the end of the last day
        await firmPage.ShouldBeAccessibleAsync();
        await Shot(firmPage, "invite-link-es");

        // The business opens it: the firm, and the first message ready.
        var client = await app.SignedIn(owner, new Uri(link.Url).AbsolutePath);
        (await client.TitleAsync()).ShouldBe($"{name} te invita — Holded Partners");
        (await client.Locator("#firm-name").InnerTextAsync()).ShouldBe(name);
        (await client.Locator("#business-name").InnerTextAsync()).ShouldBe("Panadería Sol SL");
        // The logo's address does not load here: the firm's initials show, not a broken image (the name is the heading beside it).
        (await client.Locator(".firm-mark span").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await client.Locator(".firm-mark img").GetAttributeAsync("alt")).ShouldBe("");
        ((await client.Locator(".firm-mark img").BoundingBoxAsync())?.Width ?? 0).ShouldBe(0);
        (await client.InputValueAsync("#message")).ShouldContain("venimos por vuestra invitación");
        await client.ShouldBeAccessibleAsync();
        await Shot(client, "invite-landing-es");
        await _api.Settled(() => Submit(client, "#start-form", url => url.Contains("done=invited")));
        var conversation = Guid.Parse(new Uri(client.Url).AbsolutePath.Split('/').Last());
        (await client.Locator("[role=status]").InnerTextAsync()).ShouldContain("Tu solicitud de colaboración está lista");
        (await client.InputValueAsync("#request-message")).ShouldNotBeNullOrWhiteSpace();
        await client.ShouldBeAccessibleAsync();
        await Shot(client, "invite-conversation-es");
        // Ready, not sent: the business sends it.
        (await _api.GetAs<ConversationDetail>($"/api/v1/conversations/{conversation}", owner)).Conversation.RequestStatus.ShouldBe(RequestStatus.None);
        await Submit(client, "#request-form", url => url.Contains("done=requested"));
        (await _api.GetAs<ConversationDetail>($"/api/v1/conversations/{conversation}", owner)).Conversation.RequestStatus.ShouldBe(RequestStatus.Requested);

        // The firm sees who started through it.
        await firmPage.GotoAsync(Url($"/firms/{firm}/invite-links/{linkId}"));
        var use = (await firmPage.Locator("#uses tbody tr").AllInnerTextsAsync()).ShouldHaveSingleItem();
        use.ShouldContain("Panadería Sol SL");
        use.ShouldContain("Luis Sol");
        (await firmPage.Locator("#uses tbody a").GetAttributeAsync("href")).ShouldBe($"/conversations/{conversation}");
        await firmPage.ShouldBeAccessibleAsync();
        await firmPage.GotoAsync(Url($"/firms/{firm}/invite-links"));
        var row = await firmPage.Locator($"#links tr[data-id='{linkId}'] td").AllInnerTextsAsync();
        row[0].ShouldBe("Web de la asesoría");
        row[2].ShouldStartWith("Activo (caduca el ");
        row[3].ShouldBe("1");
        await firmPage.ShouldBeAccessibleAsync();
        await Shot(firmPage, "invite-links-es");

        // It revokes it through a confirmation.
        await firmPage.GotoAsync(Url($"/firms/{firm}/invite-links/{linkId}"));
        await Task.WhenAll(firmPage.WaitForURLAsync($"**/invite-links/{linkId}/revoke"), firmPage.ClickAsync("#revoke"));
        (await firmPage.Locator("main").InnerTextAsync()).ShouldContain("no se puede deshacer");
        await firmPage.ShouldBeAccessibleAsync();
        (await _api.GetAs<InviteLinkSummary>($"/api/v1/partners/{firm}/invite-links/{linkId}", admin)).Status.ShouldBe(InviteLinkStatus.Active);
        await Submit(firmPage, "form", url => url.Contains("done=revoked"));
        (await firmPage.Locator("#link-status").InnerTextAsync()).ShouldContain("Revocado");
        (await firmPage.Locator("#revoke").CountAsync()).ShouldBe(0);
        (await _api.GetAs<InviteLinkSummary>($"/api/v1/partners/{firm}/invite-links/{linkId}", admin)).Status.ShouldBe(InviteLinkStatus.Revoked);

        // The link, opened again, says it is revoked.
        var again = await client.GotoAsync(link.Url);
        again!.Status.ShouldBe(422);
        (await client.Locator("#refusal").GetAttributeAsync("data-rules")).ShouldBe("invite_link_revoked");
        (await client.Locator("#refusal").InnerTextAsync()).ShouldContain("La asesoría ha revocado esta invitación.");
        (await client.Locator("#start-form").CountAsync()).ShouldBe(0);
        await client.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task a_business_types_the_code_on_its_marketplace_page_in_english()
    {
        var (firm, admin, name) = await ListedFirm();
        var link = await Link(firm, admin);
        var (business, owner) = await Business();

        var page = await app.SignedIn(owner, $"/businesses/{business}/marketplace", locale: "en-GB");
        await page.ClickAsync("#invite-code summary");
        await page.FillAsync("#invite-code-input", InviteKeys.Display(link.Code).ToLowerInvariant());
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/invite/")), page.ClickAsync("#invite-code button[type=submit]"));
        (await page.TitleAsync()).ShouldBe($"{name} invites you — Holded Partners");
        await page.ShouldBeAccessibleAsync();
        await _api.Settled(() => Submit(page, "#start-form", url => url.Contains("done=invited")));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldContain("Your collaboration request is ready");
        (await page.Locator("#request-form button").InnerTextAsync()).ShouldBe("Ask to collaborate");
        (await _api.GetAs<InviteLinkSummary>($"/api/v1/partners/{firm}/invite-links/{link.Id}", admin)).UseCount.ShouldBe(1);
    }

    [Fact]
    public async Task who_may_not_start_is_told_why_and_a_visitor_is_sent_to_sign_in()
    {
        var (firm, admin, _) = await ListedFirm();
        var link = await Link(firm, admin);

        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        foreach (var path in new[] { $"/invite/{link.Token}", "/invite", $"/firms/{firm}/invite-links" })
        {
            var answer = await visitor.GetAsync(path);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            answer.Headers.Location!.ToString().ShouldStartWith("/signin?returnUrl=");
        }

        // The firm's own people.
        var own = await app.SignedIn(admin, $"/invite/{link.Token}");
        (await own.Locator("#refusal").GetAttributeAsync("data-rules")).ShouldBe("own_invite_link");
        (await own.Locator("#start-form").CountAsync()).ShouldBe(0);
        await own.ShouldBeAccessibleAsync();

        // Someone with no business of their own.
        var nobody = await app.SignedIn(BrowserApp.AsSignedIn(Actor.Person("Sin Empresa")), $"/invite/{link.Code}");
        (await nobody.Locator("#refusal").GetAttributeAsync("data-rules")).ShouldBe("no_business_account");
        (await nobody.Locator("#refusal a").GetAttributeAsync("href")).ShouldBe("/register");
        await nobody.ShouldBeAccessibleAsync();

        // A code that is no code, and one no link has: the form again, to try once more.
        var (_, owner) = await Business();
        var page = await app.SignedIn(owner, "/invite");
        (await page.TitleAsync()).ShouldBe("Código de invitación — Holded Partners");
        await page.ShouldBeAccessibleAsync();
        await page.FillAsync("#code", "hola");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#code-form button"), r => r.Url.Contains("/invite/"));
        refused.Status.ShouldBe(400);
        (await page.Locator("#refusal").InnerTextAsync()).ShouldContain("sin 0, O, 1, I, L ni U");
        await page.ShouldBeAccessibleAsync();
        await page.FillAsync("#code", InviteKeys.NewCode());
        var unknown = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#code-form button"), r => r.Url.Contains("/invite/"));
        unknown.Status.ShouldBe(404);
        (await page.Locator("#refusal").InnerTextAsync()).ShouldContain("No hay ninguna invitación con ese enlace o código.");
        await page.ShouldBeAccessibleAsync();
    }
}
