using Holded.Partners.Access.JustInTime;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Issue 16, capability 3 in the browser: a member asks for temporary access to a client they do not manage, the firm's
/// administrator and the client approve, and the member ends it — through the pages only, without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public class JustInTimePagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private sealed record Firm(Guid Collaboration, Guid Partner, Actor Admin, Guid Business, Actor Owner, Actor Member);

    private async Task<Firm> Collaborating()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Marta Admin"));
        var owner = BrowserApp.AsSignedIn(Actor.Person("Lucia Owner"));
        var partner = await _api.PublishedPartner(admin);
        var business = await _api.RegisterBusiness(owner);
        var conversation = await _api.OpenConversation(owner, business, partner);
        await _api.RequestCollaboration(owner, conversation);
        var collaboration = await _api.AcceptRequest(admin, conversation);
        (await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        var member = BrowserApp.AsSignedIn(Actor.Person("Pablo Gestor"));
        var invitation = (await _api.Post($"/api/v1/accounts/{partner}/invitations", admin, new { email = member.Email, role = "account_manager" }))
            .ShouldBe(HttpStatusCode.Created).Id;
        await _api.Settled(async () => (await _api.Post($"/api/v1/invitations/{invitation}/accept", member)).ShouldBe(HttpStatusCode.OK));
        return new Firm(collaboration, partner, admin, business, owner, member);
    }

    private static string Shot(string name) => Path.Combine(BrowserApp.Screenshots, name);

    [Fact]
    public async Task a_member_asks_the_firm_and_the_client_approve_and_the_member_ends_it_without_javascript()
    {
        var f = await Collaborating();

        // The client asks to approve too.
        var client = await app.SignedIn(f.Owner, $"/businesses/{f.Business}/just-in-time");
        (await client.TitleAsync()).ShouldBe("Acceso temporal — Holded Partners");
        await client.CheckAsync("#policy input[name=requireClientApproval]");
        await Task.WhenAll(client.WaitForURLAsync(url => url.Contains("done=policy")), client.ClickAsync("#policy button[type=submit]"));
        (await _api.GetAs<JustInTimePolicyView>($"/api/v1/clients/{f.Business}/just-in-time-policy", f.Owner)).RequireClientApproval.ShouldBeTrue();

        // The member, from the clients table they cannot open the client from, asks.
        var member = await app.SignedIn(f.Member, $"/firms/{f.Partner}/clients");
        await Task.WhenAll(member.WaitForURLAsync(url => url.EndsWith("/just-in-time")), member.ClickAsync("#just-in-time-hint a"));
        var form = member.Locator($"form[data-collaboration='{f.Collaboration}']");
        await form.Locator("textarea[name=reason]").FillAsync("Cierre del tercer trimestre: revisar el IVA.");
        await form.Locator("input[value=accounting]").CheckAsync();
        await form.Locator("input[value=taxes]").CheckAsync();
        await form.Locator("select[name=hours]").SelectOptionAsync("8");
        await member.ShouldBeAccessibleAsync();
        await member.ScreenshotAsync(new() { Path = Shot("jit-ask-es.png"), FullPage = true });
        await Task.WhenAll(member.WaitForURLAsync(url => url.Contains("done=asked")), form.Locator("button[type=submit]").ClickAsync());
        (await member.Locator("[role=status]").InnerTextAsync()).ShouldContain("Petición enviada");
        (await member.Locator("#just-in-time tbody tr").InnerTextAsync()).ShouldContain("Pendiente de aprobación");

        // The firm's administrator approves; the client still has to.
        var admin = await app.SignedIn(f.Admin, $"/firms/{f.Partner}/just-in-time");
        (await admin.Locator("#just-in-time tbody tr").InnerTextAsync()).ShouldContain("Pablo Gestor");
        await admin.ShouldBeAccessibleAsync();
        await admin.ScreenshotAsync(new() { Path = Shot("jit-firm-approve-es.png"), FullPage = true });
        await Task.WhenAll(admin.WaitForURLAsync(url => url.Contains("done=approve")), admin.ClickAsync("#just-in-time button:has-text('Aprobar')"));
        (await admin.Locator("#just-in-time tbody tr").InnerTextAsync()).ShouldContain("falta el cliente");

        // The client approves: access is in force.
        await client.GotoAsync(client.Url.Split('?')[0]);
        await Task.WhenAll(client.WaitForURLAsync(url => url.Contains("done=approve")), client.ClickAsync("#just-in-time button:has-text('Aprobar')"));
        (await client.Locator("#just-in-time tbody tr").InnerTextAsync()).ShouldContain("En vigor hasta");
        await client.ShouldBeAccessibleAsync();
        await client.ScreenshotAsync(new() { Path = Shot("jit-client-es.png"), FullPage = true });

        // The member enters the client's account through it: a session holding the two sections asked for alone.
        await member.GotoAsync(member.Url.Split('?')[0]);
        await Task.WhenAll(member.WaitForURLAsync(url => url.Contains("/sessions/")), member.ClickAsync("#just-in-time button:has-text('Entrar en la cuenta')"));
        var session = await _api.GetAs<Holded.Partners.Access.Sessions.SessionView>($"/api/v1/access/sessions/{member.Url.Split('/').Last()}", f.Member);
        session.Permissions.Where(p => p.Value != "none").Select(p => p.Key).Order().ShouldBe(["accounting", "taxes"]);
        await member.ShouldBeAccessibleAsync();
        await member.ScreenshotAsync(new() { Path = Shot("jit-session-es.png"), FullPage = true });

        // The member ends it now.
        await member.GotoAsync(new Uri(app.Address, $"/firms/{f.Partner}/just-in-time").ToString());
        await Task.WhenAll(member.WaitForURLAsync(url => url.Contains("done=end")), member.ClickAsync("#just-in-time button:has-text('Terminar ahora')"));
        (await member.Locator("#just-in-time tbody tr").InnerTextAsync()).ShouldContain("Terminado");
        var request = (await _api.GetAs<FirmJustInTime>($"/api/v1/partners/{f.Partner}/just-in-time", f.Admin)).Requests.Items.ShouldHaveSingleItem();
        (request.Status, request.EndReason).ShouldBe((JustInTimeStatus.Ended, JustInTimeEndReasons.ByRequester));
        request.Sections.ShouldBe(["accounting", "taxes"]);
    }

    [Fact]
    public async Task a_refused_request_shows_the_apis_words_beside_the_form_in_english()
    {
        var f = await Collaborating();
        var member = await app.SignedIn(f.Member, $"/firms/{f.Partner}/just-in-time", locale: "en-GB");
        (await member.TitleAsync()).ShouldBe("Temporary access — Holded Partners");
        var form = member.Locator($"form[data-collaboration='{f.Collaboration}']");
        await form.Locator("textarea[name=reason]").FillAsync("Year-end close.");
        await form.Locator("button[type=submit]").ClickAsync(); // no section chosen
        await member.Locator("#refusal").WaitForAsync();
        (await member.Locator("#refusal").InnerTextAsync()).ShouldContain("Check what is marked");
        (await form.Locator("textarea[name=reason]").InputValueAsync()).ShouldBe("Year-end close.");
        await member.ShouldBeAccessibleAsync();
        await member.ScreenshotAsync(new() { Path = Shot("jit-refused-en.png"), FullPage = true });
    }
}
