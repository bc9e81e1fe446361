using Holded.Partners.Collaboration.Collaborations;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// The program's guide, walked by people in browsers without JavaScript, through the portal only: a firm registers,
/// applies and is approved, publishes its profile and brings in a colleague; a business registers, finds it, writes and
/// asks; the firm accepts; the client grants access and shares its pending tasks; the firm assigns its colleague, who
/// enters the client's account, hands off to the ERP and completes a task; the client ends it, and every access is
/// gone. The API is used only as the ERP (reporting pending tasks) and to read back what the pages did. Every page
/// passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ElevenStepsWalkTests(BrowserApp app)
{
    private readonly Api _api = new(app);
    private static readonly Actor Erp = Actor.Service("partners.pending-work.write");

    private string Url(string path) => new Uri(app.Address, path).ToString();

    /// <summary>Each page a person arrives at is looked at with axe, and photographed for docs/screenshots.</summary>
    private static async Task Arrived(IPage page, string? shot = null)
    {
        await page.ShouldBeAccessibleAsync();
        if (shot is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, $"walk-{shot}.png"), FullPage = true });
    }

    private static async Task Go(IPage page, Func<string, bool> arrivesAt, string click)
    {
        await Task.WhenAll(page.WaitForURLAsync(url => arrivesAt(url)), page.ClickAsync(click));
        await Arrived(page);
    }

    private async Task GoTo(IPage page, string path)
    {
        (await page.GotoAsync(Url(path)))!.Status.ShouldBe(200);
        await Arrived(page);
    }

    private static Guid IdAt(IPage page, int segment) => Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[segment]);

    [Fact]
    public async Task a_firm_and_a_business_go_through_the_eleven_steps_in_the_portal_and_access_ends_with_the_collaboration()
    {
        var mark = string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26)))); // this walk's firm, among others
        var firmName = $"Asesoria Paseo {mark}";
        var ana = BrowserApp.AsSignedIn(Actor.Person("Ana Paseo"));
        var marta = BrowserApp.AsSignedIn(Actor.Person("Marta Paseo"));
        var luis = BrowserApp.AsSignedIn(Actor.Person("Luis Paseo"));
        var rita = BrowserApp.AsSignedIn(Actor.Person("Rita Paseo", "reviewer"));
        var oscar = BrowserApp.AsSignedIn(Actor.Person("Oscar Paseo", "operator"));

        // Step 1 — Registrarse: the firm.
        var firmPage = await app.SignedIn(ana, "/register");
        await Arrived(firmPage);
        await Go(firmPage, u => u.Contains("kind=advisory"), "text=Crear cuenta de asesoría");
        await firmPage.SelectOptionAsync("#advisoryType", "asesoria");
        await firmPage.FillAsync("#legalName", $"{firmName} SL");
        await firmPage.FillAsync("#taxId", TaxIds.NextCif());
        await firmPage.FillAsync("#contact-phone", "+34 600 111 222");
        await FillAddress(firmPage, "Calle Alcalá 10", "Madrid", "28014", "madrid");
        await Go(firmPage, u => u.Contains("done=registered"), "main button[type=submit]");
        var firm = IdAt(firmPage, 2);
        (await firmPage.InnerTextAsync("h1")).ShouldBe($"{firmName} SL");

        // Step 2 — Asesorías → Enviar solicitud: not before the subscription is active, which an operator sets.
        (await firmPage.GetAttributeAsync("[data-rule=subscription_not_active]", "data-met")).ShouldBe("false");
        (await firmPage.Locator("#apply").CountAsync()).ShouldBe(0);
        var operatorPage = await app.SignedIn(oscar.Email, $"/staff/subscriptions?accountId={firm}", platformRole: "operator", javaScript: false, name: oscar.Name);
        await Arrived(operatorPage);
        await operatorPage.SelectOptionAsync("#status", "active");
        await Go(operatorPage, u => u.Contains("done=saved"), "main form[method=post] button");
        await firmPage.ReloadAsync();
        (await firmPage.Locator("[data-met=false]").CountAsync()).ShouldBe(0);
        await Go(firmPage, u => u.EndsWith("/apply"), "#apply");
        await firmPage.FillAsync("#message", "Somos una asesoría de Madrid: contabilidad e impuestos de pymes.");
        await Go(firmPage, u => u.Contains("done=applied"), "main button[type=submit]");
        (await firmPage.InnerTextAsync("#program-status")).ShouldContain("en revisión");

        var reviewer = await app.SignedIn(rita.Email, "/staff/applications", platformRole: "reviewer", javaScript: false, name: rita.Name);
        await Arrived(reviewer);
        await _api.Settled(() => Go(reviewer, u => u.Contains("done=approved"),
            $"#queue tr:has-text('{firmName} SL') button"));
        await firmPage.ReloadAsync();
        (await firmPage.InnerTextAsync("#program-status")).ShouldBe("Tu asesoría es partner del programa.");
        await Arrived(firmPage, "02-partner");

        // Step 3 — Completar perfil, sent and approved.
        await GoTo(firmPage, $"/firms/{firm}/profile");
        await firmPage.FillAsync("#displayName", firmName);
        await firmPage.FillAsync("#description", "Asesoría en Madrid desde 2001: contabilidad, impuestos y nóminas para pymes y autónomos.");
        await firmPage.CheckAsync("#services input[value=bookkeeping]");
        await firmPage.CheckAsync("#services input[value=tax_filing]");
        await firmPage.CheckAsync("#languages input[value=es]");
        await firmPage.CheckAsync("#provinces input[value=madrid]");
        await firmPage.FillAsync("#contactEmail", "hola@asesoriapaseo.es");
        await Go(firmPage, u => u.Contains("done=submitted"), "#send");
        (await firmPage.InnerTextAsync("#profile-status")).ShouldContain("En revisión");

        await GoTo(reviewer, "/staff/profiles");
        await Go(reviewer, u => u.Contains("/staff/profiles/"), $"#queue tr:has-text('{firmName}') a");
        await _api.Settled(() => Go(reviewer, u => u.Contains("done=approved"), "#approve"));
        await firmPage.ReloadAsync();
        (await firmPage.InnerTextAsync("#profile-status")).ShouldContain("Publicado");

        // Step 4 — Usuarios → Invitar usuarios: Marta, as an account manager, accepts from her portal.
        await GoTo(firmPage, $"/accounts/{firm}/users");
        await firmPage.FillAsync("#invite-email", marta.Email);
        await firmPage.SelectOptionAsync("#invite-role", "account_manager");
        await Go(firmPage, u => u.Contains("done=invited"), "#send-invitation");
        var martaPage = await app.SignedIn(marta, "/portal");
        await Arrived(martaPage);
        await Go(martaPage, u => u.Contains("/invitations/"), $"main a:has-text('{firmName} SL')");
        (await martaPage.InnerTextAsync("main")).ShouldContain("Gestor de cuentas");
        await _api.Settled(() => Go(martaPage, u => u.Contains("done=joined"), "main button[type=submit]"));
        martaPage.Url.ShouldContain($"/firms/{firm}");

        // Step 1 again — Registrarse: the business, with a plan.
        var client = await app.SignedIn(luis, "/register");
        await Go(client, u => u.Contains("kind=business"), "text=Crear cuenta de empresa");
        await client.SelectOptionAsync("#plan", "premium");
        await client.FillAsync("#legalName", $"Panaderia Paseo {mark} SL");
        await client.FillAsync("#taxId", TaxIds.NextCif());
        await FillAddress(client, "Calle Mayor 3", "Madrid", "28013", "madrid");
        await Go(client, u => u.Contains("/businesses/"), "main button[type=submit]");
        var business = IdAt(client, 2);

        // Step 5 — the marketplace: the business finds the firm, writes, asks; the firm accepts in "Solicitudes".
        await GoTo(client, $"/businesses/{business}/marketplace");
        await client.FillAsync("input[name=q]", mark);
        await Go(client, u => u.Contains($"q={mark}"), "main form[role=search] button[type=submit]");
        (await client.Locator("li.partner h2").AllInnerTextsAsync()).ShouldBe([firmName]);
        await Go(client, u => u.Contains($"/marketplace/{firm}"), "li.partner h2 a");
        (await client.InnerTextAsync("#contact")).ShouldContain("hola@asesoriapaseo.es");
        await client.FillAsync("textarea[name=message]", "Hola, somos una panadería de Madrid y buscamos asesoría.");
        await Go(client, u => u.Contains("/conversations/"), "main form button[type=submit]");
        await client.FillAsync("#request-message", "¿Podéis llevar nuestra contabilidad y los impuestos?");
        await _api.Settled(() => Go(client, u => u.Contains("done=requested"), "main #request-form button[type=submit]"));

        await GoTo(firmPage, $"/firms/{firm}/requests");
        (await firmPage.InnerTextAsync("#conversations tbody")).ShouldContain("Pendiente de respuesta");
        await Go(firmPage, u => u.Contains("/conversations/"), "#conversations tbody a");
        await Go(firmPage, u => u.EndsWith("/accept"), "text=Aceptar colaboración");
        await _api.Settled(() => Go(firmPage, u => u.Contains("done=accepted"), "main form button[type=submit]"));
        await firmPage.ReloadAsync(); // the collaboration is opened by the Collaboration module, once it hears of the acceptance
        var collaboration = Guid.Parse((await firmPage.GetAttributeAsync("#collaboration-link", "href"))!.Split('/')[^1]);

        // Step 6 — Mi asesoría: the client shares its accounting and invoicing tasks and grants the "accountant" role.
        await GoTo(client, $"/businesses/{business}/advisors");
        (await client.InnerTextAsync("#advisors h2")).ShouldBe(firmName);
        await client.CheckAsync("#shared-sections input[value=accounting]");
        await client.CheckAsync("#shared-sections input[value=invoicing]");
        await Go(client, u => u.Contains("done=shared"), "#shared-sections button[type=submit]");
        await Go(client, u => u.EndsWith($"/advisors/{collaboration}/access"), "#advisors a.button");
        await client.SelectOptionAsync("select[name=role]", "accountant");
        await Go(client, u => u.Contains("role=accountant"), "#choose-role button[type=submit]");
        (await client.InnerTextAsync("#preview tr[data-section=accounting] td.level")).ShouldBe("Ver y editar");
        (await client.InnerTextAsync("#preview tr[data-section=payroll] td.level")).ShouldBe("Nada");
        await _api.Settled(() => Go(client, u => u.Contains("done=saved"), "#grant button[type=submit]"));

        // Step 7 — the clients table, its gear, and the inbox that says access was granted.
        await GoTo(firmPage, $"/firms/{firm}/clients");
        var row = firmPage.Locator("#clients tbody tr");
        (await row.Locator("th").InnerTextAsync()).ShouldContain($"Panaderia Paseo {mark} SL");
        (await row.Locator("td").Nth(0).InnerTextAsync()).ShouldBe("Contable");
        await Go(firmPage, u => u.EndsWith($"/clients/{collaboration}/notifications"), "#clients a.gear");
        await firmPage.Locator("input[name=choice][value=own]").CheckAsync();
        await firmPage.Locator("input[name=kpis][value=payroll_pending]").UncheckAsync();
        await Go(firmPage, u => u.Contains("saved=true"), "main form button[type=submit]");
        (await firmPage.InnerTextAsync("header a[href='/notifications']")).ShouldNotBe("Avisos"); // the unread count beside it
        await GoTo(firmPage, "/notifications");
        var granted = firmPage.Locator("main li.card", new() { HasText = "os ha dado acceso" });
        (await granted.Locator("a").GetAttributeAsync("href")).ShouldBe($"/collaborations/{collaboration}");

        // Step 8 — Gestores de la cuenta → Añadir → Confirmar: Marta manages this client, and sees only it.
        await GoTo(firmPage, $"/collaborations/{collaboration}");
        await Go(firmPage, u => u.EndsWith("/managers"), "#managers-add");
        await firmPage.Locator($"input[name=userIds][value='{marta.UserId}']").CheckAsync();
        await Go(firmPage, u => u.Contains("/managers/confirm"), "main #add-form button[type=submit]");
        (await firmPage.InnerTextAsync("#changes li[data-change=added]")).ShouldStartWith("Marta Paseo empezará a llevar");
        await _api.Settled(() => Go(firmPage, u => u.Contains("done=managers"), "main form[method=post] button[type=submit]"));
        await GoTo(martaPage, $"/firms/{firm}/clients");
        (await martaPage.Locator("#clients tbody tr").CountAsync()).ShouldBe(1);

        // Step 9 — Acceder a la cuenta: Marta opens a session, sees what she holds, hands it to the ERP (its stand-in).
        await Go(martaPage, u => u.EndsWith($"/collaborations/{collaboration}"), "#clients tbody th a");
        await Go(martaPage, u => u.Contains("/sessions/"), "#open-session");
        var session = IdAt(martaPage, 2);
        (await martaPage.InnerTextAsync("#session-state")).ShouldStartWith("Sesión abierta como Contable hasta el");
        (await martaPage.InnerTextAsync("#held tr[data-section=accounting] td.level")).ShouldBe("Ver y editar");
        (await martaPage.InnerTextAsync("#held tr[data-section=payroll] td.level")).ShouldBe("Nada");
        await Go(martaPage, u => u.Contains("/erp-standin/"), "#handoff button[type=submit]");
        (await martaPage.InnerTextAsync("#introspection")).ShouldStartWith("Token activo");
        (await martaPage.InnerTextAsync("#allows tr[data-section=accounting] td.level")).ShouldBe("Ver y editar");

        // Step 10 — the pending tasks the ERP reports: shared and allowed only; "Ir a libro diario"; Completar.
        await Report(business, "accounting", ("je-1", "Asiento 1042 sin cuadrar"), ("je-2", "Asiento 1043 por revisar"));
        await Report(business, "payroll", ("pr-1", "Nómina de marzo")); // not shared
        await GoTo(martaPage, $"/collaborations/{collaboration}/work");
        (await martaPage.Locator("main section[id^=section-]").EvaluateAllAsync<string[]>("s => s.map(x => x.id)"))
            .ShouldBe(["section-invoicing", "section-accounting"]);
        (await martaPage.InnerTextAsync("#section-accounting a.goto")).ShouldBe("Ir a libro diario");
        (await martaPage.InnerTextAsync("main")).ShouldNotContain("Nómina de marzo");
        await Go(martaPage, u => u.Contains("done=completed"), "li[data-item=je-1] button[type=submit]");
        (await martaPage.InnerTextAsync("#section-accounting .count")).ShouldBe("(1)");

        // Step 11 — ⋮ → Terminar colaboración, from the client's side, with a reason.
        await GoTo(client, $"/collaborations/{collaboration}");
        await client.ClickAsync("#more summary");
        await Go(client, u => u.EndsWith("/end"), "text=Terminar colaboración");
        await client.FillAsync("textarea[name=reason]", "Cambiamos de asesoría a final de trimestre.");
        await _api.Settled(() => Go(client, u => u.Contains("done=ended"), "main form button[type=submit]"));
        (await client.Locator("#advisors li").CountAsync()).ShouldBe(0);

        // Afterwards: the client is gone from the firm's lists, the firm from the client's, and every access with them.
        await GoTo(firmPage, $"/firms/{firm}/clients");
        (await firmPage.Locator("#empty").CountAsync()).ShouldBe(1);
        await GoTo(martaPage, $"/firms/{firm}/clients");
        (await martaPage.Locator("#empty").CountAsync()).ShouldBe(1);
        (await martaPage.GotoAsync(Url($"/collaborations/{collaboration}/work")))!.Status.ShouldBeOneOf(403, 404);
        (await martaPage.InnerTextAsync("main")).ShouldNotContain("Asiento 1043");
        await GoTo(martaPage, $"/sessions/{session}");
        await Go(martaPage, u => u.Contains("/erp-standin/"), "#handoff button[type=submit]");
        (await martaPage.InnerTextAsync("#introspection")).ShouldStartWith("Token no activo");
        (await _api.GetAs<Kernel.Page<CollaborationView>>($"/api/v1/clients/{business}/collaborations?status=active", luis)).Total.ShouldBe(0);

        // "Quién accedió a mi cuenta": the client's trail, with names.
        await GoTo(client, $"/audit?clientAccountId={business}");
        var entered = client.Locator("#trail tr[data-type=session_opened]");
        (await entered.Locator("td.actor").InnerTextAsync()).ShouldBe("Marta Paseo");
        (await entered.Locator("td.firm").InnerTextAsync()).ShouldBe($"{firmName} SL");
        (await client.Locator("#trail tr[data-type=grant_created] td.actor").InnerTextAsync()).ShouldBe("Luis Paseo");
        (await client.Locator("#trail tr[data-type=grant_terminated]").CountAsync()).ShouldBe(1);
        await Arrived(client, "11-audit");
    }

    private static async Task FillAddress(IPage page, string street, string city, string postalCode, string province)
    {
        await page.FillAsync("#address-street", street);
        await page.FillAsync("#address-city", city);
        await page.FillAsync("#address-postalCode", postalCode);
        await page.SelectOptionAsync("#address-province", province);
    }

    private async Task Report(Guid business, string section, params (string Id, string Title)[] items) =>
        (await _api.Put($"/api/v1/clients/{business}/pending-work/{section}", Erp,
            new { items = items.Select(i => new { id = i.Id, title = i.Title, link = $"/{section}/items/{i.Id}" }).ToArray() })).ShouldBe(HttpStatusCode.OK);
}
