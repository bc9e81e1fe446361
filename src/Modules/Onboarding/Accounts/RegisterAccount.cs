using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Accounts;

public sealed record ContactInput(string? Name, string? Email, string? Phone);
public sealed record AddressInput(string? Street, string? City, string? PostalCode, string? Province);

public sealed record RegisterAccount(
    string? Kind, string? AdvisoryType, string? Plan, string? LegalName, string? TaxId,
    ContactInput? Contact, AddressInput? Address);

/// <summary>Step 1: a person registers an advisory or business account and becomes its first administrator or owner.</summary>
public static class RegisterAccountEndpoint
{
    public static ProblemDetails Validate(RegisterAccount command, Caller caller)
    {
        if (!caller.IsPerson) return Problems.Forbidden("Accounts are registered by people: the token needs a subject and an email.");

        var check = new Check()
            .OneOf("kind", command.Kind, AccountKinds.All)
            .Text("legalName", command.LegalName, 200, min: 2)
            .That(command.TaxId is null || SpanishTaxId.IsValid(command.TaxId), "taxId",
                "must be a Spanish NIF, NIE or CIF with a correct check character, such as B12345674 or 12345678Z.")
            .That(command.TaxId is not null, "taxId", "is required.")
            .That(command.Contact is not null, "contact", "is required: name, email and optionally phone.")
            .That(command.Address is not null, "address", "is required: street, city, postalCode and province.");
        if (command.Kind == AccountKinds.Advisory)
            check.OneOf("advisoryType", command.AdvisoryType, AdvisoryTypes.All)
                .That(command.Plan is null, "plan", "applies to business accounts only.");
        if (command.Kind == AccountKinds.Business)
            check.OneOf("plan", command.Plan, Catalogs.Plans)
                .That(command.AdvisoryType is null, "advisoryType", "applies to advisory accounts only.");
        if (command.Contact is { } contact)
            check.Text("contact.name", contact.Name, 120)
                .Email("contact.email", contact.Email)
                .That(contact.Phone is null || Phone.IsValid(contact.Phone), "contact.phone", Phone.Rule);
        if (command.Address is { } address)
            check.Text("address.street", address.Street, 200)
                .Text("address.city", address.City, 100)
                .That(address.PostalCode is { Length: 5 } pc && pc.All(char.IsAsciiDigit), "address.postalCode",
                    "must be a Spanish postal code of 5 digits.")
                .OneOf("address.province", address.Province, Catalogs.ProvinceCodes);
        return check.Result();
    }

    public static async Task<ProblemDetails> ValidateAsync(RegisterAccount command, IQuerySession session, CancellationToken ct)
    {
        var taxId = SpanishTaxId.Normalize(command.TaxId!);
        var taken = await session.Query<Account>().AnyAsync(a => a.TaxId == taxId, ct);
        return taken
            ? Problems.Refused(new Rule("tax_id_already_registered",
                $"An account with tax id {taxId} already exists; ask its administrator to invite you instead."))
            : Problems.None;
    }

    [WolverinePost("/api/v1/accounts")]
    public static (CreationResponse<Guid>, IStartStream, Tell) Post(
        RegisterAccount command, Caller caller, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var kind = command.Kind!;
        var registered = new AccountRegistered(
            id, kind,
            kind == AccountKinds.Advisory ? command.AdvisoryType : null,
            kind == AccountKinds.Business ? command.Plan : null,
            command.LegalName!.Trim(), SpanishTaxId.Normalize(command.TaxId!),
            new ContactDetails(command.Contact!.Name!.Trim(), command.Contact.Email!.Trim().ToLowerInvariant(), command.Contact.Phone?.Trim()),
            new PostalAddress(command.Address!.Street!.Trim(), command.Address.City!.Trim(), command.Address.PostalCode!, command.Address.Province!),
            SubscriptionStatuses.Trialing, caller.UserId);
        var creator = new MemberJoined(id, kind, registered.LegalName, caller.UserId, caller.Email, caller.Name, Roles.Top(kind), null);

        var now = clock.GetUtcNow();
        var told = new Tell(
            new Contract.AccountOpened(id, kind, registered.LegalName, registered.AdvisoryType, registered.Plan,
                registered.SubscriptionStatus, registered.Address.Province, now, Version: 1),
            new Contract.MemberJoined(id, kind, creator.UserId, creator.Email, creator.Name, creator.Role, now, Version: 2));
        return (new CreationResponse<Guid>($"/api/v1/accounts/{id}", id), MartenOps.StartStream<Account>(id, registered, creator), told);
    }
}

public static class Phone
{
    public const string Rule = "must be a phone number of 9 to 15 digits, optionally starting with + and with spaces.";

    public static bool IsValid(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return phone.Length <= 20 && digits is >= 9 and <= 15
               && phone.Select((c, i) => char.IsAsciiDigit(c) || c == ' ' || (c == '+' && i == 0)).All(ok => ok);
    }
}
