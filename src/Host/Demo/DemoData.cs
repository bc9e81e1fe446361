using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Holded.Partners.Host.Infrastructure;
using Holded.Partners.Kernel;

namespace Holded.Partners.Host.Demo;

/// <summary>
/// A realistic demo data set, made through the API itself so every rule and every module's consequence applies:
/// firms across provinces (partners with published profiles, account managers), businesses on every plan,
/// conversations, collaborations, grants, shared sections and pending work. Identities are development tokens:
/// firm administrators are admin@{firm}.es, business owners owner@{business}.es.
/// </summary>
public sealed class DemoData(HttpClient api, string signingKey, ILogger log)
{
    private static readonly string[] Provinces =
        ["madrid", "barcelona", "valencia", "sevilla", "malaga", "bizkaia", "zaragoza", "a_coruna", "murcia", "baleares", "las_palmas", "valladolid"];
    private static readonly string[] Surnames =
        ["García", "Fernández", "Martínez", "Sánchez", "Romero", "Navarro", "Iglesias", "Ortega", "Delgado", "Castro", "Vidal", "Serrano",
         "Molina", "Morales", "Suárez", "Ortiz", "Rubio", "Marín", "Soler", "Giménez", "Vázquez", "Ramos", "Gil", "Prieto"];
    private static readonly string[] Trades =
        ["Panadería", "Talleres", "Frutas", "Clínica Dental", "Librería", "Ferretería", "Cafetería", "Floristería", "Construcciones",
         "Imprenta", "Óptica", "Bodegas", "Transportes", "Peluquería", "Academia", "Carpintería", "Farmacia", "Restaurante",
         "Estudio de Diseño", "Gimnasio", "Lavandería", "Hostal", "Tienda Online", "Consultora", "Pescadería", "Heladería",
         "Autoescuela", "Veterinaria", "Joyería", "Zapatería"];
    private static readonly string[][] ServiceSets =
        [["bookkeeping", "tax_filing", "payroll"], ["tax_filing", "legal_advice", "company_formation"], ["cfo_services", "financial_planning", "audit"],
         ["payroll", "labor_advice"], ["bookkeeping", "invoicing", "erp_implementation"], ["grants_and_subsidies", "financial_planning", "bookkeeping"]];
    private static readonly string[] Plans = ["free", "basic", "standard", "premium"];
    private static readonly string[] GrantRoles = ["accountant", "full_advisor", "tax_advisor", "payroll_advisor", "read_only"];

    public const int Firms = 24;
    public const int Businesses = 30;

    /// <summary>Who to sign in as, to see each side of the program with the demo data (the development sign-in lists them).</summary>
    public static IReadOnlyList<DemoIdentity> Identities { get; } =
    [
        new($"admin@{Slug($"{Surnames[0]}-asesores")}.es", $"{Surnames[0]} Admin", null,
            new($"Administrador de {Surnames[0]} Asesores, una asesoría partner con clientes y una revisión de accesos abierta", $"Administrator of {Surnames[0]} Asesores, a partner firm with clients and an access review open")),
        new($"gestor@{Slug($"{Surnames[0]}-asesores")}.es", $"Gestor {Surnames[0]}", null,
            new($"Gestor de cuentas de {Surnames[0]} Asesores: ve solo sus clientes", $"Account manager at {Surnames[0]} Asesores: sees only their clients")),
        new(JustInTimeAsker, $"Gestor {Surnames[1]}", null,
            new($"Gestor de {Surnames[1]} Asesores: ha pedido acceso temporal a un cliente que no lleva", $"Account manager at {Surnames[1]} Asesores: has asked for temporary access to a client they do not manage")),
        new($"owner@{Slug(BusinessName(0))}.es", $"Propietario {BusinessPlace(0)}", null,
            new($"Propietario de {BusinessName(0)}, cliente de {Surnames[0]} Asesores", $"Owner of {BusinessName(0)}, a client of {Surnames[0]} Asesores")),
        new($"owner@{Slug(BusinessName(24))}.es", $"Propietario {BusinessPlace(24)}", null,
            new($"Propietario de {BusinessName(24)}, que busca asesoría", $"Owner of {BusinessName(24)}, looking for a firm")),
        new("demo-reviewer@holded.com", "Revisora Demo", "reviewer", new("Revisora del programa: solicitudes y perfiles", "Program reviewer: applications and profiles")),
        new("demo-operator@holded.com", "Operador Demo", "operator", new("Operaciones: proyecciones y suscripciones", "Operator: projections and subscriptions")),
        new("demo-auditor@holded.com", "Auditora Demo", "auditor", new("Auditoría: el registro de accesos completo", "Auditor: the full access trail")),
    ];

    private static string JustInTimeAsker => $"gestor@{Slug($"{Surnames[1]}-asesores")}.es";

    private static string BusinessPlace(int i) => Surnames[(i * 7 + 3) % Surnames.Length];
    private static string BusinessName(int i) => $"{Trades[i]} {BusinessPlace(i)}";

    public async Task SeedAsync(CancellationToken ct)
    {
        var reviewer = Token("demo-reviewer@holded.com", "Revisora Demo", "reviewer");
        var operatorToken = Token("demo-operator@holded.com", "Operador Demo", "operator");
        var erp = DevelopmentTokens.Issue(signingKey, "erp", null, null, null, ["partners.pending-work.write"], TimeSpan.FromHours(2), clientId: "erp");

        var firms = new List<(Guid Id, string Admin, string Manager, string Province)>();
        for (var i = 0; i < Firms; i++)
        {
            var surname = Surnames[i];
            var slug = Slug($"{surname}-asesores");
            var admin = Token($"admin@{slug}.es", $"{surname} Admin");
            var province = Provinces[i % Provinces.Length];
            var type = (i % 3) switch { 0 => "gestoria", 1 => "asesoria", _ => "external_cfo" };
            var name = type switch { "gestoria" => $"Gestoría {surname}", "asesoria" => $"{surname} Asesores", _ => $"{surname} CFO" };
            var firm = Id(await Send(HttpMethod.Post, "/api/v1/accounts", admin, new
            {
                kind = "advisory", advisoryType = type, legalName = $"{name} SL", taxId = Cif(7_100_000 + i),
                contact = new { name = $"{surname} Admin", email = $"admin@{slug}.es" },
                address = new { street = $"Calle Mayor {i + 1}", city = Catalogs.Provinces[province], postalCode = $"{10000 + i * 1000:D5}", province },
            }, ct));
            await Send(HttpMethod.Put, $"/api/v1/accounts/{firm}/subscription", operatorToken, new { status = "active" }, ct);
            var application = Id(await Send(HttpMethod.Post, "/api/v1/partner-applications", admin, new { accountId = firm, message = $"{name}, {Catalogs.Provinces[province]}." }, ct));
            await Send(HttpMethod.Post, $"/api/v1/partner-applications/{application}/approve", reviewer, null, ct);
            await Send(HttpMethod.Put, $"/api/v1/partners/{firm}/profile", admin, new
            {
                displayName = name,
                description = $"{name}: {string.Join(", ", ServiceSets[i % ServiceSets.Length])} para pymes y autónomos de {Catalogs.Provinces[province]} y alrededores.",
                services = ServiceSets[i % ServiceSets.Length], sectors = new[] { "retail", "hospitality", "professional_services" }.Take(1 + i % 3),
                provinces = new[] { province, Provinces[(i + 1) % Provinces.Length] }, languages = i % 4 == 0 ? new[] { "es", "en" } : ["es"],
                teamSize = 3 + i % 20, website = $"https://{slug}.es", contactEmail = $"hola@{slug}.es", contactPhone = $"+34 9{i:D2} 000 000",
            }, ct);
            var revision = (await Send(HttpMethod.Post, $"/api/v1/partners/{firm}/profile/submit", admin, null, ct))["pending"]!["revisionId"]!.GetValue<Guid>();
            await Send(HttpMethod.Post, $"/api/v1/profile-reviews/{revision}/approve", reviewer, null, ct);
            // Each firm has an account manager too.
            var managerEmail = $"gestor@{slug}.es";
            var invitation = Id(await Send(HttpMethod.Post, $"/api/v1/accounts/{firm}/invitations", admin, new { email = managerEmail, role = "account_manager" }, ct));
            await Send(HttpMethod.Post, $"/api/v1/invitations/{invitation}/accept", Token(managerEmail, $"Gestor {surname}"), null, ct);
            firms.Add((firm, admin, DevelopmentTokens.SubjectFor(managerEmail), province));
            log.LogInformation("Demo data: firm {Count}/{Total} {Name}", i + 1, Firms, name);
        }

        var collaborations = new Dictionary<int, Guid>();
        for (var i = 0; i < Businesses; i++)
        {
            var place = BusinessPlace(i);
            var name = BusinessName(i);
            var slug = Slug(name);
            var owner = Token($"owner@{slug}.es", $"Propietario {place}");
            var firm = firms[i % firms.Count];
            var business = Id(await Send(HttpMethod.Post, "/api/v1/accounts", owner, new
            {
                kind = "business", plan = Plans[i % Plans.Length], legalName = $"{name} SL", taxId = Cif(7_200_000 + i),
                contact = new { name = $"Propietario {place}", email = $"owner@{slug}.es" },
                address = new { street = $"Avenida {place} {i + 3}", city = Catalogs.Provinces[firm.Province], postalCode = $"{20000 + i * 100:D5}", province = firm.Province },
            }, ct));
            if (i >= 24) continue; // some businesses are still looking
            var conversation = Id(await Eventually(() => Send(HttpMethod.Post, "/api/v1/conversations", owner, new
            {
                clientAccountId = business, partnerAccountId = firm.Id, message = $"Hola, somos {name}. Buscamos ayuda con la contabilidad y los impuestos.",
            }, ct), ct));
            await Send(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages", firm.Admin, new { text = "Encantados. ¿Cuántas facturas emitís al mes?" }, ct);
            if (i >= 20) continue; // talking, no request yet
            await Send(HttpMethod.Post, $"/api/v1/conversations/{conversation}/collaboration-request", owner, new { message = "¿Trabajamos juntos?" }, ct);
            if (i >= 17) continue; // requests the firm has not answered yet
            await Send(HttpMethod.Post, $"/api/v1/conversations/{conversation}/collaboration-request/accept", firm.Admin, new { confirm = true }, ct);
            var collaboration = await Eventually(async () =>
            {
                var clients = await Send(HttpMethod.Get, $"/api/v1/partners/{firm.Id}/clients", firm.Admin, null, ct);
                return clients["items"]!.AsArray().Select(c => c!["collaboration"]!).FirstOrDefault(c => c["clientAccountId"]!.GetValue<Guid>() == business)?["id"]!.GetValue<Guid>()
                    ?? throw new DemoNotYet();
            }, ct);
            collaborations[i] = collaboration;
            if (i % 2 == 0)
                await Eventually(() => Send(HttpMethod.Put, $"/api/v1/collaborations/{collaboration}/managers", firm.Admin, new { userIds = new[] { firm.Manager } }, ct), ct);
            await Eventually(() => Send(HttpMethod.Put, $"/api/v1/collaborations/{collaboration}/access-grant", owner, new
            {
                role = GrantRoles[i % GrantRoles.Length], expiresAt = i % 3 == 0 ? DateTimeOffset.UtcNow.AddDays(20 + i * 10) : (DateTimeOffset?)null,
            }, ct), ct);
            await Send(HttpMethod.Put, $"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "accounting", "invoicing", "taxes", "payroll" } }, ct);
            foreach (var (section, count) in new[] { ("accounting", 2 + i % 4), ("invoicing", 1 + i % 3), ("taxes", i % 2) })
                await Eventually(() => Send(HttpMethod.Put, $"/api/v1/clients/{business}/pending-work/{section}", erp, new
                {
                    items = Enumerable.Range(1, count).Select(n => new
                    {
                        id = $"{section[..3]}-{i}-{n}", title = Title(section, n), dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(n * 5)),
                        amount = section == "invoicing" ? 120m * n + i : (decimal?)null, link = $"/{section}/{section[..3]}-{i}-{n}",
                    }),
                }, ct), ct);
            log.LogInformation("Demo data: client {Count}/{Total} {Name} with {Firm}", i + 1, 17, name, firm.Id);
        }
        // Firm 1's account manager is not assigned to its client: they ask for temporary access, for its administrator to
        // answer. Firm 0's administrators have an access review to complete, and the next ones start every quarter.
        await Eventually(() => Send(HttpMethod.Post, $"/api/v1/collaborations/{collaborations[1]}/just-in-time", Token(JustInTimeAsker, $"Gestor {Surnames[1]}"), new
        {
            reason = "Cierre del trimestre: revisar los asientos antes del modelo 303.", sections = new[] { "accounting" }, hours = 8,
        }, ct), ct);
        await Send(HttpMethod.Post, $"/api/v1/partners/{firms[0].Id}/access-reviews", firms[0].Admin, new { deadlineDays = 14 }, ct);
        await Send(HttpMethod.Put, $"/api/v1/partners/{firms[0].Id}/access-review-schedule", firms[0].Admin, new { everyDays = 90, deadlineDays = 14 }, ct);
        log.LogInformation("Demo data loaded: {Firms} firms, {Businesses} businesses. Firm administrators sign in as admin@<firm>.es, owners as owner@<business>.es.",
            Firms, Businesses);
    }

    private static string Title(string section, int n) => section switch
    {
        "accounting" => $"Asiento pendiente de revisar nº {n}",
        "invoicing" => $"Factura emitida pendiente de cobro nº {n}",
        _ => n == 1 ? "Modelo 303 del trimestre" : $"Modelo pendiente nº {n}",
    };

    private string Token(string email, string name, string? role = null) =>
        DevelopmentTokens.Issue(signingKey, DevelopmentTokens.SubjectFor(email), email, name, role, null, TimeSpan.FromHours(2));

    private async Task<JsonNode> Send(HttpMethod method, string url, string token, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity && method != HttpMethod.Get)
            throw new DemoNotYet($"{method} {url}: {(int)response.StatusCode} {text}");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    // The other modules hear of each step from queues: a step that needs them waits a little, within bounds.
    private static async Task<T> Eventually<T>(Func<Task<T>> step, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await step(); }
            catch (DemoNotYet) when (attempt < 100) { await Task.Delay(100, ct); }
        }
    }

    private static Guid Id(JsonNode reply) => reply["value"]!.GetValue<Guid>();

    private static string Slug(string name) => new string(name.ToLowerInvariant()
        .Replace('á', 'a').Replace('é', 'e').Replace('í', 'i').Replace('ó', 'o').Replace('ú', 'u').Replace('ñ', 'n')
        .Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    // A valid CIF (company tax id) for a number: letter B, seven digits, the control digit.
    private static string Cif(int number)
    {
        var digits = number.ToString("D7");
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = digits[i] - '0';
            sum += i % 2 == 0 ? d * 2 / 10 + d * 2 % 10 : d;
        }
        return $"B{digits}{(10 - sum % 10) % 10}";
    }
}

/// <summary>A step that another module has not caught up with yet.</summary>
public sealed class DemoNotYet(string? message = null) : Exception(message);
