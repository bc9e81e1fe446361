namespace Holded.Partners.Marketplace.Directory;

/// <summary>Catalog values as people read them.</summary>
public static class Labels
{
    private static readonly Dictionary<string, (string Es, string En)> Words = new()
    {
        ["bookkeeping"] = ("Contabilidad", "Bookkeeping"), ["tax_filing"] = ("Impuestos", "Tax filing"),
        ["payroll"] = ("Nóminas", "Payroll"), ["labor_advice"] = ("Asesoría laboral", "Labour advice"),
        ["legal_advice"] = ("Asesoría jurídica", "Legal advice"), ["company_formation"] = ("Constitución de sociedades", "Company formation"),
        ["financial_planning"] = ("Planificación financiera", "Financial planning"), ["audit"] = ("Auditoría", "Audit"),
        ["cfo_services"] = ("CFO externo", "External CFO"), ["erp_implementation"] = ("Implantación de ERP", "ERP implementation"),
        ["invoicing"] = ("Facturación", "Invoicing"), ["grants_and_subsidies"] = ("Ayudas y subvenciones", "Grants and subsidies"),
        ["agriculture"] = ("Agricultura", "Agriculture"), ["construction"] = ("Construcción", "Construction"),
        ["ecommerce"] = ("Comercio electrónico", "E-commerce"), ["education"] = ("Educación", "Education"),
        ["healthcare"] = ("Salud", "Healthcare"), ["hospitality"] = ("Hostelería", "Hospitality"),
        ["manufacturing"] = ("Industria", "Manufacturing"), ["nonprofit"] = ("Sin ánimo de lucro", "Non-profit"),
        ["professional_services"] = ("Servicios profesionales", "Professional services"), ["real_estate"] = ("Inmobiliario", "Real estate"),
        ["retail"] = ("Comercio", "Retail"), ["technology"] = ("Tecnología", "Technology"), ["transport"] = ("Transporte", "Transport"),
        ["other"] = ("Otros", "Other"),
        ["es"] = ("Español", "Spanish"), ["ca"] = ("Catalán", "Catalan"), ["eu"] = ("Euskera", "Basque"), ["gl"] = ("Gallego", "Galician"),
        ["en"] = ("Inglés", "English"), ["fr"] = ("Francés", "French"), ["de"] = ("Alemán", "German"), ["it"] = ("Italiano", "Italian"),
        ["pt"] = ("Portugués", "Portuguese"),
    };

    public static string Of(string code, string language) =>
        Catalogs.Provinces.TryGetValue(code, out var province) ? province
        : Words.TryGetValue(code, out var w) ? (language == Language.English ? w.En : w.Es)
        : code;
}
