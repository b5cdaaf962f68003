namespace IdmPlatform.Catalogue.Taxonomies;

/// <summary>The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration (adopted December 2018).</summary>
public static class GcmObjectives
{
    public sealed record Objective(int Number, string Title);

    public static readonly IReadOnlyList<Objective> All =
    [
        new(1, "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"),
        new(2, "Minimize the adverse drivers and structural factors that compel people to leave their country of origin"),
        new(3, "Provide accurate and timely information at all stages of migration"),
        new(4, "Ensure that all migrants have proof of legal identity and adequate documentation"),
        new(5, "Enhance availability and flexibility of pathways for regular migration"),
        new(6, "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"),
        new(7, "Address and reduce vulnerabilities in migration"),
        new(8, "Save lives and establish coordinated international efforts on missing migrants"),
        new(9, "Strengthen the transnational response to smuggling of migrants"),
        new(10, "Prevent, combat and eradicate trafficking in persons in the context of international migration"),
        new(11, "Manage borders in an integrated, secure and coordinated manner"),
        new(12, "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral"),
        new(13, "Use migration detention only as a measure of last resort and work towards alternatives"),
        new(14, "Enhance consular protection, assistance and cooperation throughout the migration cycle"),
        new(15, "Provide access to basic services for migrants"),
        new(16, "Empower migrants and societies to realize full inclusion and social cohesion"),
        new(17, "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration"),
        new(18, "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences"),
        new(19, "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries"),
        new(20, "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants"),
        new(21, "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration"),
        new(22, "Establish mechanisms for the portability of social security entitlements and earned benefits"),
        new(23, "Strengthen international cooperation and global partnerships for safe, orderly and regular migration"),
    ];
}
