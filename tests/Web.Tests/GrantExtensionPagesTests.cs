using Holded.Partners.Access.Grants;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Issue 16, capability 5, in the browser: the firm asks for an extension from its expiring access, the client approves
/// or declines it on its grant page (or every one of a firm's, after a confirmation), and chooses whether a grant renews.
/// </summary>
[Collection(BrowserCollection.Name)]
public class GrantExtensionPagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private static string AccessPath(Guid business, Guid collaboration) => $"/businesses/{business}/advisors/{collaboration}/access";
    private static string Grant(Guid collaboration) => $"/api/v1/collaborations/{collaboration}/access-grant";
    private static string Shot(string name) => Path.Combine(BrowserApp.Screenshots, name);

    [Fact]
    public async Task the_firm_asks_from_its_expiring_access_and_the_client_approves_in_one_click_so_the_expiry_moves()
    {
        var firmAdmin = BrowserApp.AsSignedIn(Actor.Person("Marta Gestora"));
        var (collaboration, partner, business, owner) = await CollaboratingAs(Actor.Person("Lucia"), firmAdmin);
        var expires = await Expiring(collaboration, owner, days: 20);

        var firm = await app.SignedIn(firmAdmin, $"/firms/{partner}", javaScript: false);
        await Task.WhenAll(firm.WaitForURLAsync(url => url.Contains("/expiring-grants")), firm.ClickAsync("header nav a[href$='/expiring-grants']"));
        (await firm.TitleAsync()).ShouldBe("Accesos que caducan — Holded Partners");
        var card = firm.Locator($"#grant-{collaboration}");
        (await card.InnerTextAsync()).ShouldContain("Contable");
        await firm.ShouldBeAccessibleAsync();
        await card.Locator("input[name=days]").FillAsync("60");
        await card.Locator("textarea[name=reason]").FillAsync("Cierre del trimestre y modelo 303");
        await firm.ScreenshotAsync(new() { Path = Shot("expiring-grants-es.png"), FullPage = true });
        await Task.WhenAll(firm.WaitForURLAsync(url => url.Contains("done=asked")), card.Locator("button[type=submit]").ClickAsync());
        (await firm.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("Ampliación pedida");
        (await card.Locator(".pending").InnerTextAsync()).ShouldContain("esperando la respuesta del cliente");
        var asked = (await _api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension.ShouldNotBeNull();
        asked.ExpiresAt.ShouldBe(expires.AddDays(60), TimeSpan.FromSeconds(1));
        asked.Reason.ShouldBe("Cierre del trimestre y modelo 303");

        // The client sees who asked, for how long and why, on its grant page, and approves in one click.
        var client = await app.SignedIn(owner, AccessPath(business, collaboration));
        (await client.Locator("#extension-by").InnerTextAsync()).ShouldStartWith("Marta Gestora");
        (await client.Locator("#extension-until").InnerTextAsync()).ShouldContain("60 días más");
        (await client.Locator("#extension-reason").InnerTextAsync()).ShouldBe("Cierre del trimestre y modelo 303");
        await client.ShouldBeAccessibleAsync();
        await client.ScreenshotAsync(new() { Path = Shot("grant-extension-request-es.png"), FullPage = true });
        await Task.WhenAll(client.WaitForURLAsync(url => url.Contains("done=extended")), client.ClickAsync("#approve-extension button"));
        (await client.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("Ampliación aprobada");
        (await client.Locator("#extension").CountAsync()).ShouldBe(0);
        var extended = await _api.GetAs<GrantView>(Grant(collaboration), owner);
        extended.ExpiresAt.ShouldNotBeNull().ShouldBe(expires.AddDays(60), TimeSpan.FromSeconds(1));
        extended.PendingExtension.ShouldBeNull();
        await client.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task a_request_already_waiting_is_refused_in_spanish_and_the_client_declines_in_english_leaving_the_expiry()
    {
        var firmAdmin = BrowserApp.AsSignedIn(Actor.Person("Marta Gestora"));
        var (collaboration, partner, business, owner) = await CollaboratingAs(Actor.Person("Lucia"), firmAdmin);
        var expires = await Expiring(collaboration, owner, days: 10);

        // The page is opened, then someone else at the firm asks first: the form sent from the stale page is refused.
        var firm = await app.SignedIn(firmAdmin, $"/firms/{partner}/expiring-grants");
        (await _api.Post($"{Grant(collaboration)}/extension-requests", firmAdmin, new { expiresAt = expires.AddDays(30) })).ShouldBe(HttpStatusCode.OK);
        var card = firm.Locator($"#grant-{collaboration}");
        var answer = await firm.RunAndWaitForResponseAsync(() => card.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        (await card.Locator("#refusal li[data-rule=extension_already_pending]").InnerTextAsync())
            .ShouldBe("Ya hay una petición de ampliación esperando la respuesta del cliente.");
        (await card.Locator("#refusal").InnerTextAsync()).ShouldNotContain("already"); // no English on a Spanish page
        await firm.ShouldBeAccessibleAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("expiring-grants-refused-es.png"), FullPage = true });

        var client = await app.SignedIn(owner, AccessPath(business, collaboration), locale: "en-GB");
        (await client.Locator("#extension-heading").InnerTextAsync()).ShouldEndWith("asks to extend its access");
        (await client.Locator("#extension-reason").InnerTextAsync()).ShouldBe("No reason given.");
        await client.ShouldBeAccessibleAsync();
        await client.ScreenshotAsync(new() { Path = Shot("grant-extension-request-en.png"), FullPage = true });
        await Task.WhenAll(client.WaitForURLAsync(url => url.Contains("done=declined")), client.ClickAsync("#decline-extension button"));
        (await client.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("Extension declined");
        var declined = await _api.GetAs<GrantView>(Grant(collaboration), owner);
        declined.PendingExtension.ShouldBeNull();
        declined.ExpiresAt.ShouldNotBeNull().ShouldBe(expires, TimeSpan.FromSeconds(1));
        var trail = (await _api.Get($"/api/v1/audit/access?clientAccountId={business}&type=extension_declined", owner)).ShouldBe(HttpStatusCode.OK);
        trail["items"].AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_renewal_choice_is_saved_shown_with_its_next_date_turned_off_and_refused_without_an_expiry()
    {
        var (collaboration, _, business, owner) = await CollaboratingAs(Actor.Person("Lucia"));
        var page = await app.SignedIn(owner, AccessPath(business, collaboration) + "?role=accountant");
        (await page.IsCheckedAsync("#renewal input[value=none]")).ShouldBeTrue(); // no renewal unless chosen
        var expiry = DateTime.UtcNow.Date.AddDays(60);
        await page.FillAsync("input[name=expiresOn]", expiry.ToString("yyyy-MM-dd"));
        await page.CheckAsync("#renewal input[value=every]");
        await page.FillAsync("input[name=renewEvery]", "90");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=saved")), page.ClickAsync("#grant button[type=submit]"));
        (await _api.GetAs<GrantView>(Grant(collaboration), owner)).RenewEvery.ShouldBe(90);
        (await page.Locator("#renewal-next").InnerTextAsync()).ShouldContain("Se renueva sola cada 90 días");
        (await page.Locator("#renewal-next").InnerTextAsync()).ShouldContain(expiry.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("es-ES")));
        (await page.IsCheckedAsync("#renewal input[value=every]")).ShouldBeTrue(); // the form says what is so
        (await page.InputValueAsync("input[name=renewEvery]")).ShouldBe("90");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("grant-renewal-es.png"), FullPage = true });

        // Renewal asked for with no expiry: the API's rule, in Spanish; nothing changes.
        await page.FillAsync("input[name=expiresOn]", "");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#grant button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        (await page.Locator("#refusal li[data-rule=renewal_without_expiry]").InnerTextAsync())
            .ShouldBe("Solo se renueva un acceso con caducidad: pon una fecha de caducidad.");
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<GrantView>(Grant(collaboration), owner)).RenewEvery.ShouldBe(90);

        // Turned off, explicitly: it expires on its date.
        await page.FillAsync("input[name=expiresOn]", expiry.ToString("yyyy-MM-dd"));
        await page.CheckAsync("#renewal input[value=none]");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=saved")), page.ClickAsync("#grant button[type=submit]"));
        var off = await _api.GetAs<GrantView>(Grant(collaboration), owner);
        (off.RenewEvery, off.Status).ShouldBe(((int?)null, "active"));
        (await page.Locator("#renewal-next").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_client_approves_every_extension_of_one_firm_after_a_confirmation_and_another_firms_waits()
    {
        var owner = BrowserApp.AsSignedIn(Actor.Person("Lucia"));
        var (adminA, adminB) = (BrowserApp.AsSignedIn(Actor.Person("Ana Gestora")), Actor.Person("Berta Asesora"));
        var (partnerA, partnerB) = (await _api.PublishedPartner(adminA), await _api.PublishedPartner(adminB));
        var business = await _api.RegisterBusiness(owner);
        var withA = await Collaborate(owner, business, partnerA, adminA);
        var withB = await Collaborate(owner, business, partnerB, adminB);
        var expiresA = await Expiring(withA, owner, days: 15);
        var expiresB = await Expiring(withB, owner, days: 25);
        (await _api.Post($"{Grant(withA)}/extension-requests", adminA, new { expiresAt = expiresA.AddDays(90), reason = "Renta 2026" })).ShouldBe(HttpStatusCode.OK);
        (await _api.Post($"{Grant(withB)}/extension-requests", adminB, new { expiresAt = expiresB.AddDays(30) })).ShouldBe(HttpStatusCode.OK);

        var page = await app.SignedIn(owner, $"/businesses/{business}/advisors");
        (await page.Locator($"#extension-{withA}").InnerTextAsync()).ShouldContain("pide ampliar su acceso");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("advisors-extensions-es.png"), FullPage = true });
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/advisors/extensions/approve")), page.ClickAsync($"#approve-all-{partnerA}"));

        // The confirmation says what moves; nothing has yet.
        (await page.Locator("#extensions tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator($"#extensions tr[data-collaboration='{withA}']").InnerTextAsync()).ShouldContain("Renta 2026");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("approve-firm-extensions-es.png"), FullPage = true });
        (await _api.GetAs<GrantView>(Grant(withA), owner)).PendingExtension.ShouldNotBeNull();

        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=extensions-approved")), page.ClickAsync("#approve-all button[type=submit]"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("Ampliación aprobada");
        (await page.Locator($"#extension-{withA}").CountAsync()).ShouldBe(0);
        (await page.Locator($"#extension-{withB}").CountAsync()).ShouldBe(1);
        await page.ShouldBeAccessibleAsync();
        var a = await _api.GetAs<GrantView>(Grant(withA), owner);
        (a.ExpiresAt!.Value - expiresA.AddDays(90)).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(1));
        a.PendingExtension.ShouldBeNull();
        (await _api.GetAs<GrantView>(Grant(withB), owner)).PendingExtension.ShouldNotBeNull(); // another firm's still waits

        // The firm itself does not answer for the client: the API knows no such client for it, nor does the page.
        var stranger = await app.SignedIn(adminA.Email, "/settings/notifications");
        (await stranger.GotoAsync(new Uri(app.Address, $"/businesses/{business}/advisors/extensions/approve?firm={partnerA}").ToString()))!.Status.ShouldBe(404);
    }

    private async Task<DateTimeOffset> Expiring(Guid collaboration, Actor owner, int days)
    {
        var expires = DateTimeOffset.UtcNow.AddDays(days);
        await _api.Settled(async () => (await _api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = expires })).ShouldBe(HttpStatusCode.OK));
        return expires;
    }

    private async Task<Guid> Collaborate(Actor owner, Guid business, Guid partner, Actor admin)
    {
        var conversation = await _api.OpenConversation(owner, business, partner);
        await _api.RequestCollaboration(owner, conversation);
        return await _api.AcceptRequest(admin, conversation);
    }

    private async Task<(Guid Collaboration, Guid Partner, Guid Business, Actor Owner)> CollaboratingAs(Actor owner, Actor? firmAdmin = null)
    {
        // The owner's email is what the development sign-in will present; the API identity must be the same person.
        var signedInOwner = BrowserApp.AsSignedIn(owner);
        var admin = firmAdmin ?? Actor.Person("Firm Admin");
        var partner = await _api.PublishedPartner(admin);
        var business = await _api.RegisterBusiness(signedInOwner);
        return (await Collaborate(signedInOwner, business, partner, admin), partner, business, signedInOwner);
    }
}
