using Holded.Partners.Kernel;
using Holded.Partners.Marketplace.Listings;
using ProfileView = Holded.Partners.Onboarding.Profiles.ProfileView;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Marketplace.Tests.Listings;

public class SearchTests(PartnersApp app) : AppTest(app)
{
    private async Task<Actor> BusinessMember()
    {
        var owner = Actor.Person("Owner");
        await Api.RegisterBusiness(owner);
        return owner;
    }

    [Fact]
    public async Task a_published_partner_with_an_active_subscription_is_found_with_its_contact_details()
    {
        var admin = Actor.Person();
        var partner = await Api.PublishedPartner(admin);
        var owner = await BusinessMember();
        var found = await Api.GetAs<Page<MarketplacePartner>>("/api/v1/marketplace/partners", owner);
        found.Total.ShouldBe(1);
        var item = found.Items[0];
        item.AccountId.ShouldBe(partner);
        item.DisplayName.ShouldBe("Gestoría López");
        item.ContactEmail.ShouldBe("hola@gestorialopez.es");
        item.ContactPhone.ShouldBe("+34 910 000 000");
    }

    [Fact]
    public async Task the_public_directory_never_shows_contact_data()
    {
        await Api.PublishedPartner(Actor.Person());
        var found = (await Api.Get("/api/v1/directory/partners", null)).ShouldBe(HttpStatusCode.OK);
        found.As<Page<DirectoryPartner>>().Total.ShouldBe(1);
        found.Body.ShouldNotContain("hola@gestorialopez.es");
        found.Body.ShouldNotContain("910 000 000");
        found.Body.ShouldNotContain("contactEmail");
        found.Body.ShouldNotContain("contactPhone");
    }

    [Fact]
    public async Task a_partner_without_an_active_subscription_is_hidden_and_shown_again_when_it_pays()
    {
        var partner = await Api.PublishedPartner(Actor.Person());
        await Api.SetSubscription(partner, "past_due");
        (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners", null)).Total.ShouldBe(0);
        await Api.SetSubscription(partner, "active");
        (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners", null)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task an_unpublished_profile_is_not_listed()
    {
        var admin = Actor.Person();
        var partner = await Api.RegisterPartner(admin);
        await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile());
        (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners", null)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_new_approved_revision_replaces_the_listing_and_a_pending_one_does_not()
    {
        var admin = Actor.Person();
        var partner = await Api.PublishedPartner(admin);
        await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile("López Asesores"));
        await Api.Settled(() => Api.Post($"/api/v1/partners/{partner}/profile/submit", admin));
        (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners", null)).Items[0].DisplayName.ShouldBe("Gestoría López");

        var pending = (await Api.GetAs<ProfileView>($"/api/v1/partners/{partner}/profile", admin)).Pending.ShouldNotBeNull().RevisionId;
        await Api.Settled(() => Api.Post($"/api/v1/profile-reviews/{pending}/approve", Actor.Reviewer()));
        var listed = await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners", null);
        listed.Total.ShouldBe(1);
        listed.Items[0].DisplayName.ShouldBe("López Asesores");
    }

    [Fact]
    public async Task free_text_finds_names_descriptions_and_services_with_or_without_accents()
    {
        await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile("Nóminas Express",
            "Especialistas en nóminas y seguros sociales para la hostelería de Sevilla.", services: ["payroll", "labor_advice"], provinces: ["sevilla"]));
        await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile("Asesoría Fiscal Norte",
            "Declaraciones de impuestos y contabilidad para autónomos del norte.", services: ["tax_filing"], provinces: ["bizkaia"]));

        async Task<string[]> Names(string q) => (await Api.GetAs<Page<DirectoryPartner>>($"/api/v1/directory/partners?q={Uri.EscapeDataString(q)}", null))
            .Items.Select(i => i.DisplayName).ToArray();

        (await Names("nominas")).ShouldBe(["Nóminas Express"]);
        (await Names("Impuestos")).ShouldBe(["Asesoría Fiscal Norte"]);
        (await Names("labor advice")).ShouldBe(["Nóminas Express"]);        // a service, in words
        (await Names("contabilidad autónomos")).ShouldBe(["Asesoría Fiscal Norte"]);
        (await Names("veterinaria")).ShouldBeEmpty();
        // A form's empty fields are no filter ("Cualquiera"), not a filter that matches nothing.
        (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners?q=nominas&province=&service=&language=&sector=", null))
            .Items.Select(i => i.DisplayName).ShouldBe(["Nóminas Express"]);
    }

    [Fact]
    public async Task filters_narrow_by_catalog_values_and_combine()
    {
        await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile("Uno", services: ["payroll"], provinces: ["sevilla"], languages: ["es"], sectors: ["retail"]));
        await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile("Dos", services: ["payroll", "audit"], provinces: ["madrid"], languages: ["es", "en"], sectors: ["technology"]));
        await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile("Tres", services: ["audit"], provinces: ["madrid"], languages: ["ca"], sectors: ["retail"]));

        async Task<string[]> Names(string query) => (await Api.GetAs<Page<DirectoryPartner>>($"/api/v1/directory/partners?{query}", null))
            .Items.Select(i => i.DisplayName).Order().ToArray();

        (await Names("service=payroll")).ShouldBe(["Dos", "Uno"]);
        (await Names("province=madrid")).ShouldBe(["Dos", "Tres"]);
        (await Names("language=en")).ShouldBe(["Dos"]);
        (await Names("sector=retail")).ShouldBe(["Tres", "Uno"]);
        (await Names("service=audit&province=madrid&sector=retail")).ShouldBe(["Tres"]);
    }

    [Fact]
    public async Task relevance_ranks_first_then_completeness()
    {
        // "Poco" and "Completa" say the same; only how much of the profile is filled in differs.
        await Api.PublishedPartner(Actor.Person(), new { displayName = "Poco", description = "Contabilidad para pymes de la zona centro, desde hace muchos años y con equipo propio.",
            services = new[] { "bookkeeping" }, provinces = new[] { "madrid" }, languages = new[] { "es" }, contactEmail = "a@poco.es" });
        await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile("Completa", "Contabilidad para pymes de la zona centro, desde hace muchos años y con equipo propio."));
        await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile("Contabilidad Contable", "Contabilidad, contabilidad y más contabilidad para pymes: es lo único que hacemos."));

        var names = (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners?q=contabilidad", null)).Items
            .Select(i => i.DisplayName).ToArray();
        names[0].ShouldBe("Contabilidad Contable");                 // the word in the name weighs most
        Array.IndexOf(names, "Completa").ShouldBeLessThan(Array.IndexOf(names, "Poco")); // then the fuller profile
        (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners", null)).Items
            .Select(i => i.DisplayName).Last().ShouldBe("Poco");
    }

    [Fact]
    public async Task results_are_paged()
    {
        for (var i = 0; i < 3; i++) await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile($"Firma {i}"));
        var second = await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners?page=2&pageSize=2", null);
        second.Total.ShouldBe(3);
        second.Items.Count.ShouldBe(1);
        (await Api.GetAs<Page<DirectoryPartner>>("/api/v1/directory/partners?page=9&pageSize=2", null)).Total.ShouldBe(3);
    }

    [Fact]
    public async Task bad_filters_are_refused()
    {
        (await Api.Get("/api/v1/directory/partners?province=atlantis&service=magic&pageSize=500", null))
            .ShouldBeInvalid("province", "service", "pageSize");
        (await Api.Get($"/api/v1/directory/partners?q={new string('a', 201)}", null)).ShouldBeInvalid("q");
        // No caller makes a page scan more than the firms a search counts: page × pageSize stays within 500.
        (await Api.Get("/api/v1/directory/partners?page=10000&pageSize=100", null)).ShouldBeInvalid("page");
        (await Api.Get("/api/v1/directory/partners?page=6&pageSize=100", null)).ShouldBeInvalid("page");
        (await Api.Get("/api/v1/directory/partners?page=5&pageSize=100", null)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_private_marketplace_is_for_business_members_and_platform_staff()
    {
        var firmAdmin = Actor.Person();
        await Api.PublishedPartner(firmAdmin);
        (await Api.Get("/api/v1/marketplace/partners", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get("/api/v1/marketplace/partners", Actor.Person())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/marketplace/partners", firmAdmin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/marketplace/partners", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);

        var owner = Actor.Person();
        var business = await Api.RegisterBusiness(owner);
        var admin = await Api.AddMember(business, owner, "admin");
        (await Api.Get("/api/v1/marketplace/partners", admin)).ShouldBe(HttpStatusCode.OK);
        await Api.Settled(() => Api.Delete($"/api/v1/accounts/{business}/members/{admin.UserId}", owner));
        (await Api.Get("/api/v1/marketplace/partners", admin)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_duplicated_publication_message_leaves_one_listing()
    {
        var admin = Actor.Person();
        var partner = await Api.RegisterPartner(admin);
        await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile());
        var revision = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        var messages = await Api.Messages(() => Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer()));
        var published = messages.OfType<Holded.Partners.Contracts.Onboarding.PartnerProfilePublished>().ShouldHaveSingleItem();
        var before = (await Api.Get("/api/v1/directory/partners", null)).Body;

        var bus = Wolverine.HostBuilderExtensions.MessageBus(App.Host);
        await Api.Settled(async () => { await bus.PublishAsync(published); await bus.PublishAsync(published with { DisplayName = "Older" , PublishedAt = published.PublishedAt.AddMinutes(-1) }); });
        (await Api.Get("/api/v1/directory/partners", null)).Body.ShouldBe(before);
    }

    [Fact]
    public async Task one_firm_of_the_marketplace_is_read_with_its_contact_details_by_businesses_only()
    {
        var firmAdmin = Actor.Person();
        var partner = await Api.PublishedPartner(firmAdmin);
        var owner = await BusinessMember();
        var read = await Api.GetAs<MarketplacePartner>($"/api/v1/marketplace/partners/{partner}", owner);
        read.AccountId.ShouldBe(partner);
        read.DisplayName.ShouldBe("Gestoría López");
        read.ContactEmail.ShouldBe("hola@gestorialopez.es");
        (await Api.GetAs<MarketplacePartner>($"/api/v1/marketplace/partners/{partner}", Actor.Reviewer())).AccountId.ShouldBe(partner);

        (await Api.Get($"/api/v1/marketplace/partners/{partner}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get($"/api/v1/marketplace/partners/{partner}", Actor.Person())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/marketplace/partners/{partner}", firmAdmin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/marketplace/partners/{Guid.NewGuid()}", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get("/api/v1/marketplace/partners/not-a-guid", owner)).Status.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);

        await Api.SetSubscription(partner, "past_due"); // no longer listed: no longer there
        (await Api.Get($"/api/v1/marketplace/partners/{partner}", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        var unlisted = await Api.RegisterPartner(Actor.Person());
        (await Api.Get($"/api/v1/marketplace/partners/{unlisted}", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}

/// <summary>A host of its own, with a directory limit low enough to reach.</summary>
public sealed class LowLimitApp : PartnersApp
{
    protected override int DirectoryRequestsPerMinute => 3;
}

public class DirectoryRateLimitTests(LowLimitApp app) : IClassFixture<LowLimitApp>
{
    [Fact]
    public async Task the_public_directory_answers_429_past_its_limit()
    {
        var api = new Api(app);
        for (var i = 0; i < 3; i++) (await api.Get("/api/v1/directory/partners", null)).ShouldBe(HttpStatusCode.OK);
        (await api.Get("/api/v1/directory/partners", null)).ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
