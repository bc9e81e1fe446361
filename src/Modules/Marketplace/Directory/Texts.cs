
namespace Holded.Partners.Marketplace.Directory;

/// <summary>Every word the directory pages show, in both languages.</summary>
public sealed record Texts(
    string Title, string Description, string Heading, string Intro, string Search, string Province, string Service,
    string Any, string Find, string Results, string None, string Previous, string Next, string Page, string Of,
    string Services, string Sectors, string Provinces, string Languages, string TeamSize, string People, string Website,
    string Credentials, string Back, string NotFound, string NotFoundText, string Invalid, string Contact)
{
    public static Texts For(string language) => language == Language.English ? English : Spanish;

    private static readonly Texts Spanish = new(
        "Directorio de partners de Holded", "Encuentra gestorías, asesorías y CFO externos partners de Holded por provincia y servicio.",
        "Directorio de partners", "Gestorías, asesorías y CFO externos que trabajan con Holded.", "Buscar", "Provincia", "Servicio",
        "Cualquiera", "Buscar", "resultados", "No hay partners con esos filtros.", "Anterior", "Siguiente", "Página", "de",
        "Servicios", "Sectores", "Provincias", "Idiomas", "Equipo", "personas", "Web", "Acreditaciones", "Volver al directorio",
        "Partner no encontrado", "Este partner no existe o ya no está en el directorio.", "Algún filtro no es válido.",
        "Para contactar con este partner, entra en Holded y búscalo en el marketplace.");

    private static readonly Texts English = new(
        "Holded partner directory", "Find accounting firms, advisors and external CFOs partnering with Holded, by province and service.",
        "Partner directory", "Accounting firms, advisors and external CFOs who work with Holded.", "Search", "Province", "Service",
        "Any", "Search", "results", "No partners match those filters.", "Previous", "Next", "Page", "of",
        "Services", "Sectors", "Provinces", "Languages", "Team", "people", "Website", "Credentials", "Back to the directory",
        "Partner not found", "This partner does not exist or is no longer in the directory.", "Some filter is not valid.",
        "To contact this partner, sign in to Holded and find it in the marketplace.");
}
