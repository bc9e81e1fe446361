using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Program;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Steps 1 to 4 in the browser (Registrarse, Asesorías → Enviar solicitud, Completar perfil, Usuarios → Invitar
/// usuarios): each done through the pages only, and read back through the API as the same person.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OnboardingPagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(BrowserApp.Screenshots, $"{name}.png"), FullPage = true });

    private static Task Submit(IPage page, string? url = null, string selector = "main button[type=submit]") =>
        url is null ? page.ClickAsync(selector) : Task.WhenAll(page.WaitForURLAsync(u => u.Contains(url)), page.ClickAsync(selector));

    [Fact]
    public async Task a_person_registers_a_firm_without_javascript_keeps_what_was_typed_on_a_refusal_and_lands_on_its_home()
    {
        var ana = BrowserApp.AsSignedIn(Actor.Person("Ana Registra"));
        var page = await app.SignedIn(ana.Email, "/register", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Registrarse — Holded Partners");
        await page.ShouldBeAccessibleAsync();
        await Task.WhenAll(page.WaitForURLAsync(u => u.Contains("kind=advisory")), page.ClickAsync("text=Crear cuenta de asesoría"));
        (await page.InputValueAsync("#contact-email")).ShouldBe(ana.Email); // the person's own, to start from

        await page.SelectOptionAsync("#advisoryType", "asesoria");
        await page.FillAsync("#legalName", "Asesoría Registra SL");
        await page.FillAsync("#taxId", "B12345670"); // a wrong check digit
        await page.FillAsync("#contact-phone", "+34 600 111 222");
        await page.FillAsync("#address-street", "Calle Alcalá 10");
        await page.FillAsync("#address-city", "Madrid");
        await page.FillAsync("#address-postalCode", "28014");
        await page.SelectOptionAsync("#address-province", "madrid");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        var api = (await _api.Post("/api/v1/accounts", ana, new
        {
            kind = "advisory", advisoryType = "asesoria", legalName = "Asesoría Registra SL", taxId = "B12345670",
            contact = new { name = ana.Name, email = ana.Email }, address = new { street = "Calle Alcalá 10", city = "Madrid", postalCode = "28014", province = "madrid" },
        })).ShouldBeInvalid("taxId");
        (await page.InnerTextAsync("#taxId-error")).ShouldBe(api.Json!["errors"]!["taxId"]![0]!.GetValue<string>());
        (await page.GetAttributeAsync("#taxId", "aria-describedby")).ShouldBe("taxId-error");
        (await page.InputValueAsync("#legalName")).ShouldBe("Asesoría Registra SL"); // nothing typed is lost
        (await page.InputValueAsync("#address-province")).ShouldBe("madrid");
        (await page.InputValueAsync("#advisoryType")).ShouldBe("asesoria");
        await page.ShouldBeAccessibleAsync();
        await Screenshot(page, "register-es");

        var taxId = TaxIds.NextCif();
        await page.FillAsync("#taxId", taxId);
        await Submit(page, "done=registered");
        var id = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2]);
        page.Url.ShouldContain($"/firms/{id}");
        (await page.InnerTextAsync("[role=status]")).ShouldContain("Cuenta creada");
        (await page.InnerTextAsync("h1")).ShouldBe("Asesoría Registra SL");
        await page.ShouldBeAccessibleAsync();

        var account = await _api.GetAs<AccountView>($"/api/v1/accounts/{id}", ana);
        account.Kind.ShouldBe("advisory");
        account.AdvisoryType.ShouldBe("asesoria");
        account.TaxId.ShouldBe(taxId);
        account.Address.Province.ShouldBe("madrid");
        account.Contact.Phone.ShouldBe("+34 600 111 222");
    }

    [Fact]
    public async Task a_business_registers_with_a_plan_in_english_and_a_visitor_is_sent_to_sign_in()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var visitor = await client.GetAsync("/register?kind=business");
        visitor.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        visitor.Headers.Location!.ToString().ShouldBe("/signin?returnUrl=" + Uri.EscapeDataString("/register?kind=business"));

        var luis = BrowserApp.AsSignedIn(Actor.Person("Luis Empresa"));
        var page = await app.SignedIn(luis.Email, "/register?kind=business", locale: "en-GB");
        (await page.TitleAsync()).ShouldBe("Register — Holded Partners");
        await page.SelectOptionAsync("#plan", "premium");
        await page.FillAsync("#legalName", "Bakery Sun SL");
        await page.FillAsync("#taxId", TaxIds.NextCif());
        await page.FillAsync("#address-street", "Calle Real 5");
        await page.FillAsync("#address-city", "Sevilla");
        await page.FillAsync("#address-postalCode", "41001");
        await page.SelectOptionAsync("#address-province", "sevilla");
        await Submit(page, "/businesses/");
        var id = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2]);
        (await _api.GetAs<AccountView>($"/api/v1/accounts/{id}", luis)).Plan.ShouldBe("premium");
    }

    [Fact]
    public async Task a_firm_reads_its_conditions_as_a_checklist_applies_after_confirming_and_reads_a_rejection_and_applies_again()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Solicita"));
        var firm = await _api.RegisterFirm(admin); // trialing: not paid up yet
        var page = await app.SignedIn(admin.Email, $"/firms/{firm}", javaScript: false);
        (await page.GetAttributeAsync("[data-rule=subscription_not_active]", "data-met")).ShouldBe("false");
        (await page.InnerTextAsync("[data-rule=subscription_not_active]")).ShouldContain("En periodo de prueba");
        (await page.GetAttributeAsync("[data-rule=account_not_advisory]", "data-met")).ShouldBe("true");
        (await page.Locator("#apply").CountAsync()).ShouldBe(0);
        await page.ShouldBeAccessibleAsync();
        await Screenshot(page, "firm-home-es");

        await _api.SetSubscription(firm, "active");
        await page.ReloadAsync();
        (await page.Locator("[data-met=false]").CountAsync()).ShouldBe(0);
        await Task.WhenAll(page.WaitForURLAsync(u => u.EndsWith("/apply")), page.ClickAsync("#apply"));
        (await page.InnerTextAsync("h1")).ShouldBe("Enviar solicitud");
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<Kernel.Page<PartnerApplicationView>>("/api/v1/partner-applications", admin)).Total.ShouldBe(0); // nothing sent yet
        await page.FillAsync("#message", "Somos una gestoría de Madrid.");
        await Submit(page, "done=applied");
        (await page.InnerTextAsync("#program-status")).ShouldContain("en revisión");
        var application = (await _api.GetAs<Kernel.Page<PartnerApplicationView>>("/api/v1/partner-applications", admin)).Items.ShouldHaveSingleItem();
        application.Status.ShouldBe("pending");
        application.Message.ShouldBe("Somos una gestoría de Madrid.");

        (await _api.Post($"/api/v1/partner-applications/{application.Id}/reject", Actor.Reviewer(), new { reason = "Falta el número de colegiado." }))
            .ShouldBe(HttpStatusCode.OK);
        await page.ReloadAsync();
        (await page.InnerTextAsync("#rejection-reason")).ShouldBe("Falta el número de colegiado.");
        await Task.WhenAll(page.WaitForURLAsync(u => u.EndsWith("/apply")), page.ClickAsync("#apply"));
        await Submit(page, "done=applied");
        (await _api.GetAs<Kernel.Page<PartnerApplicationView>>("/api/v1/partner-applications?status=pending", admin)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task a_refused_application_is_shown_with_the_apis_rules_and_a_stranger_gets_the_apis_404()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Prisa"));
        var firm = await _api.RegisterFirm(admin, advisoryType: "other");
        var page = await app.SignedIn(admin.Email, $"/firms/{firm}/apply");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        var rules = await page.Locator("#refusal li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.rule)");
        rules.Order().ShouldBe(new[] { "advisory_type_not_eligible", "subscription_not_active" });
        await page.ShouldBeAccessibleAsync();

        var stranger = BrowserApp.AsSignedIn(Actor.Person("Ajeno"));
        var other = await app.SignedIn(stranger.Email, "/portal");
        var response = await other.GotoAsync($"{app.Address}firms/{firm}");
        response!.Status.ShouldBe(404);
        (await other.InnerTextAsync("[role=alert]")).ShouldContain("No encontrado");
    }

    [Fact]
    public async Task a_partner_completes_its_profile_sends_it_and_while_a_change_is_in_review_sees_it_beside_the_live_one()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Perfil"));
        var firm = await _api.RegisterPartner(admin);
        var page = await app.SignedIn(admin.Email, $"/firms/{firm}/profile", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Completar perfil — Holded Partners");
        await page.ShouldBeAccessibleAsync();

        // A field the API refuses comes back beside the field, with the API's words.
        await page.FillAsync("#displayName", "Gestoría Perfil");
        await page.FillAsync("#website", "no es una web");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[value=save]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        var api = (await _api.Put($"/api/v1/partners/{firm}/profile", admin, new { website = "no es una web" })).ShouldBeInvalid("website");
        (await page.InnerTextAsync("#website-error")).ShouldBe(api.Json!["errors"]!["website"]![0]!.GetValue<string>());
        (await page.InputValueAsync("#displayName")).ShouldBe("Gestoría Perfil");

        // Sending an incomplete draft saves it and names what is missing.
        await page.FillAsync("#website", "https://gestoriaperfil.es");
        var incomplete = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#send"), r => r.Request.Method == "POST");
        incomplete.Status.ShouldBe(422);
        (await page.Locator("#refusal li[data-rule=profile_incomplete]").CountAsync()).ShouldBe(1);
        (await _api.GetAs<Onboarding.Profiles.ProfileView>($"/api/v1/partners/{firm}/profile", admin)).Draft.DisplayName.ShouldBe("Gestoría Perfil");

        await page.FillAsync("#description", "Gestoría en Madrid desde 1998: contabilidad, impuestos y nóminas para pymes y autónomos.");
        await page.CheckAsync("#services input[value=bookkeeping]");
        await page.CheckAsync("#languages input[value=es]");
        await page.CheckAsync("#provinces input[value=madrid]");
        await page.FillAsync("#contactEmail", "hola@gestoriaperfil.es");
        await page.FillAsync("#teamSize", "7");
        await page.FillAsync("#credentials", "Colegiado nº 1234\nISO 9001");
        await Submit(page, "done=submitted", "#send");
        (await page.InnerTextAsync("#profile-status")).ShouldContain("En revisión");
        var sent = await _api.GetAs<Onboarding.Profiles.ProfileView>($"/api/v1/partners/{firm}/profile", admin);
        sent.Pending!.Content.Credentials.ShouldBe(new[] { "Colegiado nº 1234", "ISO 9001" });
        sent.Pending.Content.TeamSize.ShouldBe(7);
        await page.ShouldBeAccessibleAsync();

        (await _api.Post($"/api/v1/profile-reviews/{sent.Pending.RevisionId}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);
        await page.GotoAsync($"{app.Address}firms/{firm}/profile");
        (await page.InnerTextAsync("#profile-status")).ShouldContain("Publicado");
        await page.FillAsync("#displayName", "Gestoría Perfil y Asociados");
        await Submit(page, "done=submitted", "#send");
        (await page.GetAttributeAsync("#in-review tr[data-field=displayName]", "data-changed")).ShouldBe("true");
        (await page.GetAttributeAsync("#in-review tr[data-field=description]", "data-changed")).ShouldBe("false");
        (await page.InnerTextAsync("#in-review tr[data-field=displayName] td:nth-of-type(1)")).ShouldBe("Gestoría Perfil");
        (await page.InnerTextAsync("#in-review tr[data-field=displayName] td:nth-of-type(2)")).ShouldBe("Gestoría Perfil y Asociados");
        await page.ShouldBeAccessibleAsync();
        await Screenshot(page, "profile-es");

        var pending = (await _api.GetAs<Onboarding.Profiles.ProfileView>($"/api/v1/partners/{firm}/profile", admin)).Pending!;
        (await _api.Post($"/api/v1/profile-reviews/{pending.RevisionId}/reject", Actor.Reviewer(), new { reason = "El nombre no coincide con la razón social." }))
            .ShouldBe(HttpStatusCode.OK);
        await page.ReloadAsync();
        (await page.InnerTextAsync("#profile-rejection")).ShouldContain("El nombre no coincide con la razón social.");
    }

    [Fact]
    public async Task an_administrator_invites_revokes_the_invited_person_accepts_and_a_member_is_changed_and_removed_after_confirming()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Equipo"));
        var firm = await _api.RegisterFirm(admin);
        var users = $"/accounts/{firm}/users";
        var page = await app.SignedIn(admin.Email, users, javaScript: false);
        (await page.TitleAsync()).ShouldBe("Usuarios — Holded Partners");

        // The API's refusal beside the field.
        await page.FillAsync("#invite-email", "no-es-un-correo");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#send-invitation"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        var api = (await _api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "no-es-un-correo", role = "account_manager" })).ShouldBeInvalid("email");
        (await page.InnerTextAsync("#email-error")).ShouldBe(api.Json!["errors"]!["email"]![0]!.GetValue<string>());
        (await page.InputValueAsync("#invite-email")).ShouldBe("no-es-un-correo");

        await page.FillAsync("#invite-email", "quien.sea@example.es");
        await page.SelectOptionAsync("#invite-role", "account_manager");
        await Submit(page, "done=invited", "#send-invitation");
        (await page.InnerTextAsync("#invitations tr[data-email='quien.sea@example.es']")).ShouldContain("Gestor de cuentas");
        await page.ShouldBeAccessibleAsync();
        await Task.WhenAll(page.WaitForURLAsync(u => u.Contains("done=revoked")), page.ClickAsync("#invitations tr[data-email='quien.sea@example.es'] button"));
        (await _api.GetAs<Kernel.Page<Onboarding.Team.InvitationView>>($"/api/v1/accounts/{firm}/invitations?status=revoked", admin)).Total.ShouldBe(1);

        var marta = BrowserApp.AsSignedIn(Actor.Person("Marta Invitada"));
        await page.FillAsync("#invite-email", marta.Email);
        await page.SelectOptionAsync("#invite-role", "administrator");
        await Submit(page, "done=invited", "#send-invitation");
        var invitation = (await _api.GetAs<Kernel.Page<Onboarding.Team.InvitationView>>($"/api/v1/accounts/{firm}/invitations", admin)).Items.ShouldHaveSingleItem();

        var invited = await app.SignedIn(marta.Email, $"/invitations/{invitation.Id}", locale: "en-GB", javaScript: false);
        (await invited.TitleAsync()).ShouldBe("Invitation — Holded Partners");
        (await invited.InnerTextAsync("main")).ShouldContain("invites you to join as Administrator");
        await invited.ShouldBeAccessibleAsync();
        await Submit(invited, "done=joined");
        invited.Url.ShouldContain($"/firms/{firm}");
        (await _api.GetAs<Kernel.Page<Onboarding.Team.TeamMember>>($"/api/v1/accounts/{firm}/members", admin)).Items.Select(m => m.Email).ShouldContain(marta.Email);

        await page.GotoAsync($"{app.Address}{users.TrimStart('/')}");
        var row = $"#members tr[data-email='{marta.Email}']";
        await page.SelectOptionAsync($"{row} select", "account_manager");
        await Task.WhenAll(page.WaitForURLAsync(u => u.Contains("done=role")), page.ClickAsync($"{row} button"));
        (await _api.GetAs<Kernel.Page<Onboarding.Team.TeamMember>>($"/api/v1/accounts/{firm}/members", admin)).Items.Single(m => m.Email == marta.Email).Role.ShouldBe("account_manager");
        await page.ShouldBeAccessibleAsync();
        await Screenshot(page, "users-es");

        await Task.WhenAll(page.WaitForURLAsync(u => u.EndsWith("/remove")), page.ClickAsync($"{row} a"));
        (await page.InnerTextAsync("#loses")).ShouldContain("sesiones abiertas");
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<Kernel.Page<Onboarding.Team.TeamMember>>($"/api/v1/accounts/{firm}/members", admin)).Total.ShouldBe(2); // not yet
        await Submit(page, "done=removed");
        (await _api.GetAs<Kernel.Page<Onboarding.Team.TeamMember>>($"/api/v1/accounts/{firm}/members", admin)).Items.Select(m => m.Email).ShouldNotContain(marta.Email);

        // The last administrator cannot leave: the API's rule, in the alert.
        await page.GotoAsync($"{app.Address}accounts/{firm}/users/{Uri.EscapeDataString(admin.UserId)}/remove");
        var last = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"), r => r.Request.Method == "POST");
        last.Status.ShouldBe(422);
        (await page.Locator("#refusal li[data-rule=account_needs_an_administrator]").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_reviewer_approves_one_application_rejects_another_after_confirming_with_a_reason_and_others_get_the_apis_403()
    {
        async Task<(Guid Firm, Guid Application, Actor Admin)> Pending(string name)
        {
            var admin = BrowserApp.AsSignedIn(Actor.Person(name));
            var firm = await _api.RegisterFirm(admin);
            await _api.SetSubscription(firm, "active");
            return (firm, await _api.Apply(firm, admin), admin);
        }
        var (approved, _, approvedAdmin) = await Pending("Ana Aprobada");
        var (rejected, rejectedApplication, _) = await Pending("Rosa Rechazada");

        var page = await app.SignedIn("revisora@holded.example", "/staff/applications", platformRole: "reviewer", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Solicitudes de partner — Holded Partners");
        // Other tests' applications may be in the queue too: these two are found by their ids.
        var approvedRow = $"#queue tr[data-application='{(await _api.GetAs<ProgramEligibility>($"/api/v1/accounts/{approved}/program-eligibility", approvedAdmin)).OpenApplicationId}']";
        (await page.Locator(approvedRow).CountAsync()).ShouldBe(1);
        (await page.Locator($"#queue tr[data-application='{rejectedApplication}']").CountAsync()).ShouldBe(1);
        await page.ShouldBeAccessibleAsync();
        await Screenshot(page, "staff-applications-es");

        await Task.WhenAll(page.WaitForURLAsync(u => u.Contains("done=approved")), page.ClickAsync($"{approvedRow} button"));
        (await _api.GetAs<AccountView>($"/api/v1/accounts/{approved}", approvedAdmin)).IsPartner.ShouldBeTrue();

        await Task.WhenAll(page.WaitForURLAsync(u => u.EndsWith("/reject")), page.ClickAsync($"#queue tr[data-application='{rejectedApplication}'] a"));
        await page.ShouldBeAccessibleAsync();
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        var api = (await _api.Post($"/api/v1/partner-applications/{rejectedApplication}/reject", Actor.Reviewer(), new { reason = "" })).ShouldBeInvalid("reason");
        (await page.InnerTextAsync("#reason-error")).ShouldBe(api.Json!["errors"]!["reason"]![0]!.GetValue<string>());
        (await _api.GetAs<PartnerApplicationView>($"/api/v1/partner-applications/{rejectedApplication}", Actor.Reviewer())).Status.ShouldBe("pending");
        await page.FillAsync("#reason", "Falta el número de colegiado.");
        await Submit(page, "done=rejected");
        var decided = await _api.GetAs<PartnerApplicationView>($"/api/v1/partner-applications/{rejectedApplication}", Actor.Reviewer());
        decided.Status.ShouldBe("rejected");
        decided.RejectionReason.ShouldBe("Falta el número de colegiado.");
        (await page.Locator($"{approvedRow}, #queue tr[data-application='{rejectedApplication}']").CountAsync()).ShouldBe(0);

        var firmAdmin = await app.SignedIn(approvedAdmin.Email, $"/firms/{approved}");
        (await firmAdmin.GotoAsync($"{app.Address}staff/applications"))!.Status.ShouldBe(403);
        (await firmAdmin.GotoAsync($"{app.Address}staff/profiles"))!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task a_reviewer_reads_a_profile_change_against_the_live_one_approves_a_first_profile_and_rejects_a_change_in_english()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Publica"));
        var firm = await _api.RegisterPartner(admin);
        (await _api.Put($"/api/v1/partners/{firm}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        (await _api.Post($"/api/v1/partners/{firm}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        // Other tests' profiles may be in the queue too: this firm's revision is found by its id.
        async Task<string> Revision() => $"#queue tr[data-revision='{(await _api.GetAs<Onboarding.Profiles.ProfileView>($"/api/v1/partners/{firm}/profile", admin)).Pending!.RevisionId}'] a";

        var page = await app.SignedIn("revisor@holded.example", "/staff/profiles", locale: "en-GB", platformRole: "reviewer", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Profiles in review — Holded Partners");
        await page.ShouldBeAccessibleAsync();
        await Task.WhenAll(page.WaitForURLAsync(u => u.Contains("/staff/profiles/")), page.ClickAsync(await Revision()));
        (await page.InnerTextAsync("main")).ShouldContain("first profile");
        await page.ShouldBeAccessibleAsync();
        await Submit(page, "done=approved", "#approve");
        (await _api.GetAs<Onboarding.Profiles.ProfileView>($"/api/v1/partners/{firm}/profile", admin)).Status.ShouldBe("published");

        (await _api.Put($"/api/v1/partners/{firm}/profile", admin, Scenarios.CompleteProfile(displayName: "Gestoría López e Hijos"))).ShouldBe(HttpStatusCode.OK);
        (await _api.Post($"/api/v1/partners/{firm}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        await page.GotoAsync($"{app.Address}staff/profiles");
        await Task.WhenAll(page.WaitForURLAsync(u => u.Contains("/staff/profiles/")), page.ClickAsync(await Revision()));
        (await page.GetAttributeAsync("#changes tr[data-field=displayName]", "data-changed")).ShouldBe("true");
        (await page.GetAttributeAsync("#changes tr[data-field=services]", "data-changed")).ShouldBe("false");
        (await page.InnerTextAsync("#changes tr[data-field=displayName] td:nth-of-type(1)")).ShouldBe("Gestoría López");
        await Screenshot(page, "staff-profile-review-en");
        await page.FillAsync("#reason", "The name does not match the legal name.");
        await Submit(page, "done=rejected", "#reject");
        var profile = await _api.GetAs<Onboarding.Profiles.ProfileView>($"/api/v1/partners/{firm}/profile", admin);
        profile.LastRejection!.Reason.ShouldBe("The name does not match the legal name.");
        profile.Published!.Content.DisplayName.ShouldBe("Gestoría López"); // the live revision stays
    }

    [Fact]
    public async Task a_business_home_shows_the_account_and_its_pages()
    {
        var owner = BrowserApp.AsSignedIn(Actor.Person("Luis Casa"));
        var business = await _api.RegisterBusiness(owner, plan: "basic");
        var page = await app.SignedIn(owner.Email, $"/businesses/{business}", javaScript: false);
        (await page.InnerTextAsync("#account-summary")).ShouldContain("Básico");
        (await page.Locator($"main a[href='/businesses/{business}/advisors']").CountAsync()).ShouldBe(1);
        (await page.Locator($"main a[href='/audit?clientAccountId={business}']").CountAsync()).ShouldBe(1);
        await page.ShouldBeAccessibleAsync();
        await Screenshot(page, "business-home-es");
    }

    [Fact]
    public async Task an_operator_sets_a_subscription_and_a_reviewer_is_refused_with_the_apis_403()
    {
        var owner = BrowserApp.AsSignedIn(Actor.Person("Luis Paga"));
        var business = await _api.RegisterBusiness(owner, plan: "free");
        var page = await app.SignedIn("operador@holded.example", $"/staff/subscriptions?accountId={business}", platformRole: "operator", javaScript: false);
        (await page.InnerTextAsync("#current")).ShouldContain("En periodo de prueba");
        await page.SelectOptionAsync("#status", "active");
        await page.SelectOptionAsync("#plan", "premium");
        await Submit(page, "done=saved", "main form[method=post] button");
        var account = await _api.GetAs<AccountView>($"/api/v1/accounts/{business}", owner);
        account.SubscriptionStatus.ShouldBe("active");
        account.Plan.ShouldBe("premium");
        await page.ShouldBeAccessibleAsync();
        await Screenshot(page, "staff-subscriptions-es");

        var reviewer = await app.SignedIn("otra.revisora@holded.example", $"/staff/subscriptions?accountId={business}", platformRole: "reviewer");
        await reviewer.SelectOptionAsync("#status", "canceled");
        var refused = await reviewer.RunAndWaitForResponseAsync(() => reviewer.ClickAsync("main form[method=post] button"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(403);
        (await reviewer.InnerTextAsync("[role=alert]")).ShouldContain("Only a platform operator");
        (await _api.GetAs<AccountView>($"/api/v1/accounts/{business}", owner)).SubscriptionStatus.ShouldBe("active");
    }
}
