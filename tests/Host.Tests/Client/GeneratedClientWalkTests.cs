using System.Net.Http.Headers;
using Holded.Partners.Host.Tests.Client.Generated;

namespace Holded.Partners.Host.Tests.Client;

/// <summary>Steps 1 and 2 through the client generated from the OpenAPI document: typed calls, typed refusals.</summary>
public class GeneratedClientWalkTests(PartnersApp app) : AppTest(app)
{
    private PartnersClient As(Actor who)
    {
        var http = App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", who.Token);
        return new PartnersClient(http);
    }

    [Fact]
    public async Task a_firm_registers_applies_is_refused_by_name_while_unpaid_and_is_approved_once_paid()
    {
        var admin = Actor.Person("Ana López");
        var firm = (await As(admin).RegisterAccountAsync(new RegisterAccount
        {
            Kind = "advisory", AdvisoryType = "gestoria", LegalName = "Gestoría Cliente Generado SL", TaxId = TaxIds.NextCif(),
            Contact = new ContactInput { Name = "Ana López", Email = "ana@gestoria.es" },
            Address = new AddressInput { Street = "Calle Mayor 1", City = "Madrid", PostalCode = "28013", Province = "madrid" },
        })).Value;

        // Step 2 refused while the subscription is not paid: the 422 arrives typed, with the rule named.
        var refused = await Should.ThrowAsync<ApiException<RefusedProblem>>(() =>
            As(admin).SubmitApplicationAsync(new SubmitApplication { AccountId = firm, Message = "Somos una gestoría en Madrid." }));
        refused.StatusCode.ShouldBe(422);
        refused.Result.Rules.Select(r => r.Rule).ShouldBe(["subscription_not_active"]);

        await Api.Settled(() => As(Actor.Operator()).ChangeSubscriptionAsync(firm, new ChangeSubscription { Status = "active" }));
        var application = (await As(admin).SubmitApplicationAsync(new SubmitApplication { AccountId = firm, Message = "Somos una gestoría en Madrid." })).Value;
        var approved = await Api.Settled(() => As(Actor.Reviewer()).ApproveApplicationAsync(application));
        approved.Status.ShouldBe("approved");
        approved.AccountId.ShouldBe(firm);

        // A stranger is told the application does not exist, as a typed 404.
        (await Should.ThrowAsync<ApiException<Problem>>(() => As(Actor.Person("Someone Else")).ApproveApplicationAsync(Guid.NewGuid()))).StatusCode.ShouldBeOneOf(403, 404);
    }
}
