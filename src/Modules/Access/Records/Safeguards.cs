namespace Holded.Partners.Access.Records;

/// <summary>
/// The general description of the technical and organisational security measures (Art. 30(2)(d), Art. 32(1)) that this
/// program applies to the firm's access, in the record's two languages. Each says only what the program does: the
/// firm's own measures (devices, training, confidentiality undertakings) are the firm's to add.
/// </summary>
public static class Safeguards
{
    public static readonly IReadOnlyList<Words> All =
    [
        new("Acceso por roles y mínimo privilegio, decidido en cada petición: el sistema decide cada acceso a partir de su propio estado registrado " +
            "(nunca de lo que diga un token), con el rol que concede el cliente limitado por las secciones que incluye su plan, y solo para las " +
            "personas autorizadas de la asesoría: sus administradores, los gestores asignados a ese cliente y, " +
            "por un tiempo limitado, quien pidió acceso temporal con un motivo y lo vio aprobado, solo a las secciones pedidas.",
            "Role-based, least-privilege access decided on every request: the system decides each access from its own recorded state (never from " +
            "what a token claims), with the role the client grants capped by the sections its plan includes, and only for the firm's authorised " +
            "people: its administrators, the account managers assigned to that client and, " +
            "for a limited time, whoever asked for temporary access with a reason and had it approved, to the sections asked for only."),
        new("El cliente, como responsable del tratamiento, concede, cambia y retira el acceso de la asesoría, y puede fijarle una fecha de caducidad " +
            "(como máximo dos años): pasada esa fecha el acceso deja de funcionar por sí solo, y ambas partes reciben aviso 30, 7 y 1 días antes.",
            "The client, as controller, grants, changes and removes the firm's access, and may set an expiry date (two years at most): past it the " +
            "access stops working by itself, and both sides are told 30, 7 and 1 days before."),
        new("La revocación está en vigor al instante: retirar el acceso, terminar la colaboración, dar de baja a un miembro o desasignar a un gestor " +
            "surte efecto en cuanto se confirma, para toda comprobación, sesión y token delegado, en todos los nodos del servicio.",
            "Revocation is in force at once: removing the access, ending the collaboration, removing a member or unassigning a manager takes effect " +
            "as soon as it is confirmed, for every check, session and delegated token, on every node of the service."),
        new($"Sesiones limitadas en el tiempo: para entrar en la cuenta del cliente, la persona abre una sesión que emite un token delegado de " +
            $"{Sessions.SessionTokens.Lifetime.TotalMinutes:0} minutos (con el cliente como sujeto y la persona como actora, al estilo del RFC 8693), " +
            "limitado a los permisos efectivos; el ERP lo comprueba antes de cada acción.",
            $"Time-limited sessions: to enter the client's account, a person opens a session that issues a delegated token valid for " +
            $"{Sessions.SessionTokens.Lifetime.TotalMinutes:0} minutes (the client as subject and the person as actor, in the manner of RFC 8693), " +
            "scoped to the effective permissions; the ERP checks it before each action."),
        new("Registro de auditoría que el cliente puede leer: cada concesión, cambio, retirada, caducidad y terminación del acceso, cada sesión " +
            "abierta y cada acceso denegado queda registrado con fecha, persona y motivo, y el cliente, la asesoría y los auditores de la plataforma " +
            "lo consultan y exportan. Cada entrada se encadena a la anterior con SHA-256 y las cadenas se firman periódicamente con una clave que " +
            "no está en la base de datos, de modo que cualquier modificación, supresión o inserción se detecta, también sin conexión sobre una exportación.",
            "An audit trail the client can read: every grant, change, removal, expiry and termination of access, every session opened and every " +
            "access denied is recorded with its time, person and reason, and the client, the firm and the platform's auditors read and export it. " +
            "Each entry is chained to the one before with SHA-256 and the chains are signed periodically with a key kept out of the database, so " +
            "any modification, removal or insertion shows, offline too on an export."),
        new("Minimización: la asesoría solo ve los resúmenes de tareas pendientes de las secciones que el cliente decide compartir y que su acceso " +
            "permite; las personas se identifican con su proveedor de identidad (OpenID Connect) y no se conservan contraseñas en este servicio.",
            "Minimisation: the firm sees pending-task summaries only for the sections the client chooses to share and its access allows; people " +
            "sign in with their identity provider (OpenID Connect) and no password is kept by this service."),
        new("Transferencias internacionales: este programa no registra ninguna transferencia de datos personales a terceros países u organizaciones " +
            "internacionales; las que la asesoría haga fuera del programa debe añadirlas ella.",
            "International transfers: this program records no transfer of personal data to a third country or an international organisation; any " +
            "the firm makes outside the program are the firm's to add."),
        new("Este registro se genera a partir de los hechos registrados, que no se modifican, tal como estaban en la fecha indicada.",
            "This record is generated from the recorded facts, which are never changed, as they stood at the date given."),
    ];
}
