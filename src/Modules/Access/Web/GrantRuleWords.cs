using Holded.Partners.Access.Grants;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>
/// The grant's rules (set, extend, renew) in Spanish, for the pages: the API names each refused rule and words it in
/// English; a Spanish page says it in Spanish. English pages keep the API's own words (they name the dates too).
/// </summary>
public static class GrantRuleWords
{
    /// <param name="expires">The grant's expiry as the page shows it, for the rules that name it.</param>
    public static Func<Rule, string?> For(PortalView view, DateTimeOffset? expires = null) => rule => view.En ? null : rule.Code switch
    {
        "collaboration_ended" => "La colaboración ha terminado: no hay acceso que conceder ni ampliar.",
        "no_grant_in_force" => "No hay un acceso en vigor que ampliar.",
        "grant_expired" => "El acceso ha caducado: el cliente tiene que volver a concederlo.",
        "grant_without_expiry" => "El acceso no caduca: dura hasta que el cliente lo quite.",
        "extension_already_pending" => "Ya hay una petición de ampliación esperando la respuesta del cliente.",
        "extension_not_later" => expires is { } at
            ? $"La ampliación tiene que acabar después de la caducidad actual ({at.UtcDateTime:dd/MM/yyyy})."
            : "La ampliación tiene que acabar después de la caducidad actual.",
        "extension_beyond_a_year" => $"Una ampliación llega como mucho a un año desde hoy ({RequestGrantExtensionEndpoint.MaxReach.Days} días).",
        "expiry_in_the_past" => "La fecha de caducidad tiene que ser futura; déjala vacía para un acceso sin caducidad.",
        "expiry_beyond_two_years" => "El acceso dura como mucho dos años: elige una fecha anterior.",
        "renewal_without_expiry" => "Solo se renueva un acceso con caducidad: pon una fecha de caducidad.",
        _ => null,
    };
}
