using System.Net;

namespace Holded.Partners.Testing;

/// <summary>The steps most tests start from, each through the public API.</summary>
public static class Scenarios
{
    public static object FirmBody(string advisoryType = "gestoria", string? taxId = null, string province = "madrid") => new
    {
        kind = "advisory",
        advisoryType,
        legalName = "Gestoría Test SL",
        taxId = taxId ?? TaxIds.NextCif(),
        contact = new { name = "Ana López", email = "ana@gestoria.es", phone = "+34 600 123 456" },
        address = new { street = "Calle Mayor 1", city = "Madrid", postalCode = "28013", province },
    };

    public static object BusinessBody(string plan = "standard") => new
    {
        kind = "business",
        plan,
        legalName = "Panadería Sol SL",
        taxId = TaxIds.NextCif(),
        contact = new { name = "Luis Sol", email = "luis@panaderiasol.es" },
        address = new { street = "Calle Real 5", city = "Sevilla", postalCode = "41001", province = "sevilla" },
    };

    // Steps that other modules hear of wait until every module has handled what they caused.

    public static Task<Guid> RegisterFirm(this Api api, Actor admin, string advisoryType = "gestoria", string province = "madrid") =>
        api.Settled(async () => (await api.Post("/api/v1/accounts", admin, FirmBody(advisoryType, province: province)))
            .ShouldBe(HttpStatusCode.Created).Id);

    public static Task<Guid> RegisterBusiness(this Api api, Actor owner, string plan = "standard") =>
        api.Settled(async () => (await api.Post("/api/v1/accounts", owner, BusinessBody(plan))).ShouldBe(HttpStatusCode.Created).Id);

    public static Task SetSubscription(this Api api, Guid accountId, string status, string? plan = null) =>
        api.Settled(async () => (await api.Put($"/api/v1/accounts/{accountId}/subscription", Actor.Operator(), new { status, plan }))
            .ShouldBe(HttpStatusCode.OK));

    public static async Task<Guid> Apply(this Api api, Guid accountId, Actor admin) =>
        (await api.Post("/api/v1/partner-applications", admin, new { accountId, message = "Somos una gestoría en Madrid." }))
        .ShouldBe(HttpStatusCode.Created).Id;

    /// <summary>Registered, paid up, applied and approved.</summary>
    public static async Task<Guid> RegisterPartner(this Api api, Actor admin, string province = "madrid")
    {
        var firm = await api.RegisterFirm(admin, province: province);
        await api.SetSubscription(firm, "active");
        var application = await api.Apply(firm, admin);
        await api.Settled(async () =>
            (await api.Post($"/api/v1/partner-applications/{application}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK));
        return firm;
    }

    /// <summary>A partner with a published profile, ready to be found in the marketplace.</summary>
    public static async Task<Guid> PublishedPartner(this Api api, Actor admin, object? profile = null)
    {
        var firm = await api.RegisterPartner(admin);
        await api.PublishProfile(firm, admin, profile);
        return firm;
    }

    /// <summary>Invites a new person with the role and has them accept.</summary>
    public static Task<Actor> AddMember(this Api api, Guid accountId, Actor admin, string role) =>
        api.Settled(() => Invite(api, accountId, admin, role));

    private static async Task<Actor> Invite(Api api, Guid accountId, Actor admin, string role)
    {
        var person = Actor.Person();
        var invitation = (await api.Post($"/api/v1/accounts/{accountId}/invitations", admin, new { email = person.Email, role }))
            .ShouldBe(HttpStatusCode.Created).Id;
        (await api.Post($"/api/v1/invitations/{invitation}/accept", person)).ShouldBe(HttpStatusCode.OK);
        return person;
    }

    public static object CompleteProfile(
        string displayName = "Gestoría López",
        string description = "Gestoría en Madrid desde 1998: contabilidad, impuestos y nóminas para pymes y autónomos.",
        string[]? services = null, string[]? provinces = null, string[]? languages = null, string[]? sectors = null) => new
    {
        displayName,
        description,
        services = services ?? ["bookkeeping", "tax_filing", "payroll"],
        sectors = sectors ?? ["retail", "hospitality"],
        provinces = provinces ?? ["madrid", "toledo"],
        languages = languages ?? ["es", "en"],
        teamSize = 12,
        website = "https://gestorialopez.es",
        contactEmail = "hola@gestorialopez.es",
        contactPhone = "+34 910 000 000",
        logoUrl = "https://gestorialopez.es/logo.png",
        credentials = new[] { "Colegiado nº 1234, Colegio de Gestores Administrativos de Madrid" },
    };

    /// <summary>Edits, submits and has a reviewer approve a profile; returns the revision id.</summary>
    public static Task<Guid> PublishProfile(this Api api, Guid partnerId, Actor admin, object? profile = null) =>
        api.Settled(() => Publish(api, partnerId, admin, profile));

    private static async Task<Guid> Publish(Api api, Guid partnerId, Actor admin, object? profile)
    {
        (await api.Put($"/api/v1/partners/{partnerId}/profile", admin, profile ?? CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var submitted = (await api.Post($"/api/v1/partners/{partnerId}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        var revision = Guid.Parse(submitted["pending"]["revisionId"]!.GetValue<string>());
        (await api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);
        return revision;
    }
}

/// <summary>Steps 5, 8 and 11: conversations, requests, collaborations.</summary>
public static class CollaborationScenarios
{
    public static Task<Guid> OpenConversation(this Api api, Actor businessMember, Guid business, Guid partner, string message = "Hola, buscamos gestoría.") =>
        api.Settled(async () => (await api.Post("/api/v1/conversations", businessMember,
            new { clientAccountId = business, partnerAccountId = partner, message })).ShouldBe(HttpStatusCode.Created).Id);

    public static Task RequestCollaboration(this Api api, Actor owner, Guid conversation) =>
        api.Settled(async () => (await api.Post($"/api/v1/conversations/{conversation}/collaboration-request", owner, new { message = "¿Trabajamos juntos?" }))
            .ShouldBe(HttpStatusCode.OK));

    /// <summary>Accepts the open request and returns the collaboration the Collaboration module started.</summary>
    public static async Task<Guid> AcceptRequest(this Api api, Actor firmAdmin, Guid conversation)
    {
        await api.Settled(async () => (await api.Post($"/api/v1/conversations/{conversation}/collaboration-request/accept", firmAdmin, new { confirm = true }))
            .ShouldBe(HttpStatusCode.OK));
        var partner = (await api.GetAs<Marketplace.Conversations.ConversationDetail>($"/api/v1/conversations/{conversation}", firmAdmin)).Conversation.PartnerAccountId;
        var clients = await api.GetAs<Kernel.Page<Collaboration.Collaborations.ClientRow>>($"/api/v1/partners/{partner}/clients?status=active", firmAdmin);
        return clients.Items.Single(c => c.Collaboration.ConversationId == conversation).Collaboration.Id;
    }

    /// <summary>A new business of this owner that found the partner, wrote, and asked to collaborate: the request waits.</summary>
    public static async Task<(Guid Business, Guid Conversation)> RequestedCollaboration(this Api api, Actor owner, Guid partner)
    {
        var business = await api.RegisterBusiness(owner);
        var conversation = await api.OpenConversation(owner, business, partner);
        await api.RequestCollaboration(owner, conversation);
        return (business, conversation);
    }

    /// <summary>A listed firm, a business, and an active collaboration between them.</summary>
    public static async Task<(Guid Collaboration, Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner)> Collaborating(this Api api)
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await api.PublishedPartner(firmAdmin);
        var owner = Actor.Person("Business Owner");
        var (business, conversation) = await api.RequestedCollaboration(owner, partner);
        var collaboration = await api.AcceptRequest(firmAdmin, conversation);
        return (collaboration, partner, firmAdmin, business, owner);
    }
}
