namespace Holded.Partners.Kernel;

/// <summary>
/// Catalog codes as people read them, in Spanish and English: a page, a notification or an e-mail never shows a code
/// such as <c>journal_entries_to_review</c> to a person. A code missing here is shown humanised, never raw.
/// </summary>
public static class Labels
{
    private static readonly Dictionary<string, Words> Known = new()
    {
        // Services and sectors (the directory's facets)
        ["bookkeeping"] = new("Contabilidad", "Bookkeeping"), ["tax_filing"] = new("Impuestos", "Tax filing"),
        ["payroll"] = new("Nóminas", "Payroll"), ["labor_advice"] = new("Asesoría laboral", "Labour advice"),
        ["legal_advice"] = new("Asesoría jurídica", "Legal advice"), ["company_formation"] = new("Constitución de sociedades", "Company formation"),
        ["financial_planning"] = new("Planificación financiera", "Financial planning"), ["audit"] = new("Auditoría", "Audit"),
        ["cfo_services"] = new("CFO externo", "External CFO"), ["erp_implementation"] = new("Implantación de ERP", "ERP implementation"),
        ["invoicing"] = new("Facturación", "Invoicing"), ["grants_and_subsidies"] = new("Ayudas y subvenciones", "Grants and subsidies"),
        ["agriculture"] = new("Agricultura", "Agriculture"), ["construction"] = new("Construcción", "Construction"),
        ["ecommerce"] = new("Comercio electrónico", "E-commerce"), ["education"] = new("Educación", "Education"),
        ["healthcare"] = new("Salud", "Healthcare"), ["hospitality"] = new("Hostelería", "Hospitality"),
        ["manufacturing"] = new("Industria", "Manufacturing"), ["nonprofit"] = new("Sin ánimo de lucro", "Non-profit"),
        ["professional_services"] = new("Servicios profesionales", "Professional services"), ["real_estate"] = new("Inmobiliario", "Real estate"),
        ["retail"] = new("Comercio", "Retail"), ["technology"] = new("Tecnología", "Technology"), ["transport"] = new("Transporte", "Transport"),
        ["other"] = new("Otros", "Other"),
        // Languages a firm serves in
        ["es"] = new("Español", "Spanish"), ["ca"] = new("Catalán", "Catalan"), ["eu"] = new("Euskera", "Basque"), ["gl"] = new("Gallego", "Galician"),
        ["en"] = new("Inglés", "English"), ["fr"] = new("Francés", "French"), ["de"] = new("Alemán", "German"), ["it"] = new("Italiano", "Italian"),
        ["pt"] = new("Portugués", "Portuguese"),
        // ERP sections (invoicing and payroll above)
        ["accounting"] = new("Contabilidad", "Accounting"), ["banking"] = new("Bancos", "Banking"), ["expenses"] = new("Gastos", "Expenses"),
        ["taxes"] = new("Impuestos", "Taxes"), ["inventory"] = new("Inventario", "Inventory"),
        // KPIs, one per section
        ["pending_invoices"] = new("Facturas pendientes", "Pending invoices"),
        ["journal_entries_to_review"] = new("Asientos por revisar", "Journal entries to review"),
        ["unreconciled_transactions"] = new("Movimientos sin conciliar", "Unreconciled transactions"),
        ["expenses_to_process"] = new("Gastos por procesar", "Expenses to process"),
        ["tax_filings_due"] = new("Impuestos por presentar", "Tax filings due"),
        ["payroll_pending"] = new("Nóminas pendientes", "Payroll pending"), ["stock_alerts"] = new("Alertas de stock", "Stock alerts"),
        // Plans
        ["free"] = new("Gratis", "Free"), ["basic"] = new("Básico", "Basic"), ["standard"] = new("Estándar", "Standard"),
        ["premium"] = new("Premium", "Premium"),
        // Access roles a client grants, and the levels they give
        ["full_advisor"] = new("Asesor completo", "Full advisor"), ["accountant"] = new("Contable", "Accountant"),
        ["tax_advisor"] = new("Asesor fiscal", "Tax advisor"), ["payroll_advisor"] = new("Asesor laboral", "Payroll advisor"),
        ["read_only"] = new("Solo lectura", "Read only"), ["read"] = new("Ver", "View"), ["write"] = new("Ver y editar", "View and edit"),
        // Accounts and the roles people hold in them
        ["advisory"] = new("Asesoría", "Advisory firm"), ["business"] = new("Empresa", "Business"),
        ["administrator"] = new("Administrador", "Administrator"), ["account_manager"] = new("Gestor de cuentas", "Account manager"),
        ["owner"] = new("Propietario", "Owner"), ["admin"] = new("Administrador", "Admin"),
        ["gestoria"] = new("Gestoría", "Gestoría"), ["asesoria"] = new("Asesoría", "Asesoría (advisory)"),
        ["external_cfo"] = new("CFO externo", "External CFO"),
        // Platform staff
        ["reviewer"] = new("Revisión", "Reviewer"), ["operator"] = new("Operaciones", "Operator"), ["auditor"] = new("Auditoría", "Auditor"),
        // What the audit trail records
        ["grant_created"] = new("Acceso concedido", "Access granted"), ["grant_changed"] = new("Acceso cambiado", "Access changed"),
        ["grant_removed"] = new("Acceso quitado", "Access removed"), ["grant_expired"] = new("Acceso caducado", "Access expired"),
        ["grant_terminated"] = new("Acceso terminado con la colaboración", "Access ended with the collaboration"),
        ["extension_requested"] = new("Ampliación de acceso pedida", "Access extension requested"),
        ["grant_extended"] = new("Acceso ampliado", "Access extended"), ["extension_declined"] = new("Ampliación rechazada", "Extension declined"),
        ["grant_renewed"] = new("Acceso renovado", "Access renewed"),
        ["session_opened"] = new("Acceso a la cuenta", "Account accessed"), ["access_denied"] = new("Acceso denegado", "Access denied"),
        // Just-in-time access: what the trail records, why, and the check's reason
        ["jit_requested"] = new("Acceso temporal pedido", "Temporary access requested"),
        ["jit_approved"] = new("Acceso temporal aprobado", "Temporary access approved"),
        ["jit_declined"] = new("Acceso temporal rechazado", "Temporary access declined"),
        ["jit_used"] = new("Acceso temporal usado", "Temporary access used"),
        ["jit_ended"] = new("Acceso temporal terminado", "Temporary access ended"),
        ["jit_expired"] = new("Acceso temporal caducado", "Temporary access expired"),
        ["jit_policy_changed"] = new("Aprobación del acceso temporal cambiada", "Temporary access approval changed"),
        ["just_in_time"] = new("Acceso temporal", "Temporary access"),
        ["approved_by_firm"] = new("Aprobado por la asesoría", "Approved by the firm"),
        ["approved_by_client"] = new("Aprobado por el cliente", "Approved by the client"),
        ["declined_by_firm"] = new("Rechazado por la asesoría", "Declined by the firm"),
        ["declined_by_client"] = new("Rechazado por el cliente", "Declined by the client"),
        ["ended_by_requester"] = new("Terminado por quien lo pidió", "Ended by the requester"),
        ["ended_by_firm"] = new("Terminado por la asesoría", "Ended by the firm"),
        ["ended_by_client"] = new("Terminado por el cliente", "Ended by the client"),
        ["grant_ended"] = new("Terminó el acceso del cliente", "The client's grant ended"),
        ["client_approval_required"] = new("El cliente aprueba también", "The client approves too"),
        ["client_approval_not_required"] = new("Basta la asesoría", "The firm's approval is enough"),
        // Onboarding: subscriptions, applications, profiles and invitations (added with the onboarding pages)
        ["trialing"] = new("En periodo de prueba", "Trial"), ["active"] = new("Activa", "Active"),
        ["past_due"] = new("Pago pendiente", "Payment overdue"), ["canceled"] = new("Cancelada", "Cancelled"),
        ["pending"] = new("Pendiente", "Pending"), ["approved"] = new("Aprobada", "Approved"), ["rejected"] = new("Rechazada", "Rejected"),
        ["draft"] = new("Borrador", "Draft"), ["pending_review"] = new("En revisión", "In review"), ["published"] = new("Publicado", "Published"),
        ["published_with_changes"] = new("Publicado, con cambios sin enviar", "Published, with changes not yet sent"),
        ["accepted"] = new("Aceptada", "Accepted"), ["revoked"] = new("Revocada", "Revoked"), ["expired"] = new("Caducada", "Expired"),
        // Access pages (grant, session, audit viewer): the level nothing, and the access decision's reasons
        ["none"] = new("Nada", "Nothing"),
        ["granted"] = new("Permitido", "Allowed"), ["no_collaboration"] = new("Sin colaboración", "No collaboration"),
        ["collaboration_ended"] = new("La colaboración ha terminado", "The collaboration has ended"),
        ["member_removed"] = new("Ya no es miembro de la asesoría", "No longer a member of the firm"),
        ["not_assigned"] = new("No gestiona este cliente", "Does not manage this client"),
        ["no_grant"] = new("El cliente no ha concedido acceso", "The client has not granted access"),
        ["plan_excludes_section"] = new("El plan del cliente no incluye la sección", "The client's plan does not include the section"),
        ["role_level_too_low"] = new("El rol no lo permite", "The role does not allow it"),
        ["removed_by_client"] = new("Quitado por el cliente", "Removed by the client"),
        ["invalid_or_expired_token"] = new("Token no válido o caducado", "Invalid or expired token"), ["unknown_session"] = new("Sesión desconocida", "Unknown session"),
        ["system"] = new("El sistema", "The system"), ["erp"] = new("El ERP", "The ERP"),
        // Projections, for operators
        ["inline"] = new("Síncrona", "Inline"), ["async"] = new("Asíncrona", "Asynchronous"),
        ["current"] = new("Al día", "Current"), ["behind"] = new("Con retraso", "Behind"),
        // Access reviews: what the trail records of them, and why each line ended as it did
        ["access_review_started"] = new("Revisión de accesos empezada", "Access review started"),
        ["access_review_completed"] = new("Revisión de accesos completada", "Access review completed"),
        ["review_unassigned"] = new("Gestor quitado en una revisión", "Manager removed in a review"),
        ["review_member_removed"] = new("Miembro quitado en una revisión", "Member removed in a review"),
        ["review_line_kept"] = new("Mantenido por una regla en una revisión", "Kept by a rule in a review"),
        ["access_review_schedule_changed"] = new("Programación de las revisiones cambiada", "Access review schedule changed"),
        ["reviews_not_scheduled"] = new("Revisiones sin programar", "Reviews not scheduled"),
        ["access_review_open"] = new("Ya había una revisión abierta", "A review was already open"),
        ["confirmed"] = new("Confirmado", "Confirmed"), ["removed_in_review"] = new("Quitado en la revisión", "Removed in the review"),
        ["not_confirmed"] = new("No confirmado antes del plazo", "Not confirmed by the deadline"),
        ["last_administrator"] = new("Último administrador de la asesoría", "The firm's last administrator"),
        ["reviewer_own_role"] = new("Rol de quien hace la revisión", "The reviewer's own role"),
        ["already_ended"] = new("Ya había terminado", "Had already ended"), ["ends_with_member"] = new("Termina al quitar al miembro", "Ends with the member's removal"),
        // What a verification of the trail finds
        ["entry_modified"] = new("Entrada modificada", "Entry modified"), ["entry_removed"] = new("Entrada eliminada", "Entry removed"),
        ["entry_inserted"] = new("Entrada añadida", "Entry inserted"), ["chain_broken"] = new("Cadena rota", "Chain broken"),
        ["digest_mismatch"] = new("No coincide con lo firmado", "Differs from what was signed"),
        ["digest_invalid"] = new("Firma no válida", "Invalid signature"), ["digest_missing"] = new("Falta un resumen firmado", "A signed digest is missing"),
    };

    public static string Of(string code, string language) =>
        Catalogs.Provinces.TryGetValue(code, out var province) ? province
        : Known.TryGetValue(code, out var words) ? words.In(language)
        : Humanised(code);

    public static bool Has(string code) => Catalogs.Provinces.ContainsKey(code) || Known.ContainsKey(code);

    // "some_new_code" → "Some new code": a code added to a catalog before its label still reads as words.
    private static string Humanised(string code) =>
        code.Length == 0 ? "" : char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');
}

/// <summary>One text in the product's two languages; the page, notification or e-mail picks one.</summary>
public readonly record struct Words(string Es, string En)
{
    public string In(string language) => language == Language.English ? En : Es;
}
