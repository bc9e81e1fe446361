using Holded.Partners.Marketplace.Responsiveness;

namespace Holded.Partners.Marketplace.Tests.Responsiveness;

/// <summary>A firm's responsiveness: asked, answered, within a day, median hours; read from an async projection.</summary>
public class ResponsivenessTests(PartnersApp app) : AppTest(app)
{
    private static string Url(Guid partner) => $"/api/v1/marketplace/partners/{partner}/responsiveness";

    [Fact]
    public async Task counts_what_businesses_asked_and_what_the_firm_answered()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        var owner = Actor.Person("Owner");
        var business = await Api.RegisterBusiness(owner);
        var answered = await Api.OpenConversation(owner, business, partner);
        (await Api.Post($"/api/v1/conversations/{answered}/messages", firmAdmin, new { text = "Encantados." })).ShouldBe(HttpStatusCode.Created);
        (await Api.Post($"/api/v1/conversations/{answered}/messages", firmAdmin, new { text = "¿Cuándo hablamos?" })).ShouldBe(HttpStatusCode.Created);
        var owner2 = Actor.Person("Other Owner");
        var (_, requested) = await Api.RequestedCollaboration(owner2, partner); // asked, not answered yet
        await App.ProjectionsCaughtUpAsync();

        var reply = await Api.GetAs<PartnerResponsiveness>(Url(partner), owner);
        reply.PartnerAccountId.ShouldBe(partner);
        reply.Asked.ShouldBe(2);
        reply.Answered.ShouldBe(1);
        reply.AnsweredWithinADay.ShouldBe(1);
        reply.MedianHoursToAnswer.ShouldBe(0.0);

        // Declining the request answers it too.
        (await Api.Post($"/api/v1/conversations/{requested}/collaboration-request/decline", firmAdmin, new { reason = "No llegamos." })).ShouldBe(HttpStatusCode.OK);
        await App.ProjectionsCaughtUpAsync();
        (await Api.GetAs<PartnerResponsiveness>(Url(partner), firmAdmin)).Answered.ShouldBe(2);
    }

    [Fact]
    public async Task a_firm_nobody_has_asked_has_answered_nothing_and_has_no_median()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        await App.ProjectionsCaughtUpAsync();
        var empty = await Api.GetAs<PartnerResponsiveness>(Url(partner), Actor.Reviewer());
        empty.Asked.ShouldBe(0);
        empty.Answered.ShouldBe(0);
        empty.MedianHoursToAnswer.ShouldBeNull();
    }

    [Fact]
    public async Task who_may_not_see_it_is_refused()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        var owner = Actor.Person("Owner");
        var business = await Api.RegisterBusiness(owner);

        (await Api.Get(Url(partner), null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get(Url(partner), Actor.Person("Stranger"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get(Url(Guid.NewGuid()), owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(Url(business), owner)).ShouldBeProblem(HttpStatusCode.NotFound); // a business is not a firm

        // A firm that is not listed (its subscription lapsed) is hidden from businesses, not from itself.
        await Api.SetSubscription(partner, "canceled");
        (await Api.Get(Url(partner), owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(Url(partner), firmAdmin)).ShouldBe(HttpStatusCode.OK);
        (await Api.Get("/api/v1/marketplace/partners/not-a-guid/responsiveness", owner)).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
