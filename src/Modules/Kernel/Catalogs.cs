namespace Holded.Partners.Kernel;

/// <summary>The product's catalogs: the shared language every module speaks (values are stable API strings).</summary>
public static class Catalogs
{
    public static readonly IReadOnlyDictionary<string, string> Provinces = new Dictionary<string, string>
    {
        ["a_coruna"] = "A Coruña", ["alava"] = "Álava", ["albacete"] = "Albacete", ["alicante"] = "Alicante",
        ["almeria"] = "Almería", ["asturias"] = "Asturias", ["avila"] = "Ávila", ["badajoz"] = "Badajoz",
        ["baleares"] = "Illes Balears", ["barcelona"] = "Barcelona", ["bizkaia"] = "Bizkaia", ["burgos"] = "Burgos",
        ["caceres"] = "Cáceres", ["cadiz"] = "Cádiz", ["cantabria"] = "Cantabria", ["castellon"] = "Castellón",
        ["ceuta"] = "Ceuta", ["ciudad_real"] = "Ciudad Real", ["cordoba"] = "Córdoba", ["cuenca"] = "Cuenca",
        ["gipuzkoa"] = "Gipuzkoa", ["girona"] = "Girona", ["granada"] = "Granada", ["guadalajara"] = "Guadalajara",
        ["huelva"] = "Huelva", ["huesca"] = "Huesca", ["jaen"] = "Jaén", ["la_rioja"] = "La Rioja",
        ["las_palmas"] = "Las Palmas", ["leon"] = "León", ["lleida"] = "Lleida", ["lugo"] = "Lugo",
        ["madrid"] = "Madrid", ["malaga"] = "Málaga", ["melilla"] = "Melilla", ["murcia"] = "Murcia",
        ["navarra"] = "Navarra", ["ourense"] = "Ourense", ["palencia"] = "Palencia", ["pontevedra"] = "Pontevedra",
        ["salamanca"] = "Salamanca", ["santa_cruz_de_tenerife"] = "Santa Cruz de Tenerife", ["segovia"] = "Segovia",
        ["sevilla"] = "Sevilla", ["soria"] = "Soria", ["tarragona"] = "Tarragona", ["teruel"] = "Teruel",
        ["toledo"] = "Toledo", ["valencia"] = "Valencia", ["valladolid"] = "Valladolid", ["zamora"] = "Zamora",
        ["zaragoza"] = "Zaragoza",
    };

    public static readonly IReadOnlyList<string> ProvinceCodes = Provinces.Keys.Order().ToArray();

    public static readonly IReadOnlyList<string> Services =
    [
        "bookkeeping", "tax_filing", "payroll", "labor_advice", "legal_advice", "company_formation",
        "financial_planning", "audit", "cfo_services", "erp_implementation", "invoicing", "grants_and_subsidies",
    ];

    public static readonly IReadOnlyList<string> Sectors =
    [
        "agriculture", "construction", "ecommerce", "education", "healthcare", "hospitality", "manufacturing",
        "nonprofit", "professional_services", "real_estate", "retail", "technology", "transport", "other",
    ];

    /// <summary>ISO 639-1 codes of the languages a firm may serve in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["es", "ca", "eu", "gl", "en", "fr", "de", "it", "pt"];

    public static readonly IReadOnlyList<string> Sections =
        ["invoicing", "accounting", "banking", "expenses", "taxes", "payroll", "inventory"];

    public static readonly IReadOnlyList<string> Plans = ["free", "basic", "standard", "premium"];

    /// <summary>One KPI per section: the volume of pending activities the ERP reports for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> KpiOfSection = new Dictionary<string, string>
    {
        ["invoicing"] = "pending_invoices", ["accounting"] = "journal_entries_to_review", ["banking"] = "unreconciled_transactions",
        ["expenses"] = "expenses_to_process", ["taxes"] = "tax_filings_due", ["payroll"] = "payroll_pending", ["inventory"] = "stock_alerts",
    };

    public static readonly IReadOnlyList<string> Kpis = [.. Sections.Select(s => KpiOfSection[s])];

    /// <summary>Where "Go to" leads in the ERP, per section, with its label in Spanish and English.</summary>
    public static readonly IReadOnlyDictionary<string, (string Path, string Es, string En)> GoTo = new Dictionary<string, (string, string, string)>
    {
        ["invoicing"] = ("/invoicing/invoices", "Ir a facturas", "Go to invoices"),
        ["accounting"] = ("/accounting/daily-ledger", "Ir a libro diario", "Go to the daily ledger"),
        ["banking"] = ("/banking/reconciliation", "Ir a conciliación bancaria", "Go to bank reconciliation"),
        ["expenses"] = ("/expenses/purchases", "Ir a compras", "Go to purchases"),
        ["taxes"] = ("/taxes/filings", "Ir a impuestos", "Go to tax filings"),
        ["payroll"] = ("/team/payroll", "Ir a nóminas", "Go to payroll"),
        ["inventory"] = ("/inventory/products", "Ir a productos", "Go to products"),
    };
}
