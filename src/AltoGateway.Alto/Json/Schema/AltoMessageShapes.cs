namespace AltoGateway.Alto.Json.Schema;

/// <summary>The shapes of the RFC 7285 messages: which fields are required, and their JSON types.</summary>
internal static class AltoMessageShapes
{
    private static readonly ArrayShape Strings = new(ValueShape.String);

    // §10.7: cost-mode and cost-metric are required, description optional.
    private static readonly ObjectShape CostType = ObjectShape.Of(
        ("cost-mode", true, ValueShape.String),
        ("cost-metric", true, ValueShape.String),
        ("description", false, ValueShape.String));

    private static readonly ObjectShape Vtag = ObjectShape.Of(
        ("resource-id", true, ValueShape.String),
        ("tag", true, ValueShape.String));

    private static readonly ObjectShape Meta = ObjectShape.Of(
        ("cost-types", false, new MapShape(CostType)),
        ("default-alto-network-map", false, ValueShape.String),
        ("vtag", false, Vtag),
        ("dependent-vtags", false, new ArrayShape(Vtag)),
        ("cost-type", false, CostType));

    private static readonly MapShape CostMatrix = new(new MapShape(ValueShape.Number));

    /// <summary>§9.2.2.</summary>
    public static ObjectShape Directory { get; } = ObjectShape.Of(
        ("meta", false, Meta),
        ("resources", true, new MapShape(ObjectShape.Of(
            ("uri", true, ValueShape.String),
            ("media-type", true, ValueShape.String),
            ("accepts", false, ValueShape.String),
            ("capabilities", false, ObjectShape.Of(
                ("cost-constraints", false, ValueShape.Boolean),
                ("cost-type-names", false, Strings),
                ("prop-types", false, Strings))),
            ("uses", false, Strings)))));

    /// <summary>§11.2.1.6.</summary>
    public static ObjectShape NetworkMap { get; } = ObjectShape.Of(
        ("meta", true, Meta),
        ("network-map", true, new MapShape(new MapShape(Strings))));

    /// <summary>§11.2.3.6.</summary>
    public static ObjectShape CostMap { get; } = ObjectShape.Of(
        ("meta", true, Meta),
        ("cost-map", true, CostMatrix));

    /// <summary>§11.3.1.3: pids required (may be empty), address-types optional.</summary>
    public static ObjectShape NetworkMapFilterRequest { get; } = ObjectShape.Of(
        ("pids", true, Strings),
        ("address-types", false, Strings));

    /// <summary>§11.3.2.3.</summary>
    public static ObjectShape FilteredCostMapRequest { get; } = ObjectShape.Of(
        ("cost-type", true, CostType),
        ("constraints", false, Strings),
        ("pids", false, ObjectShape.Of(("srcs", false, Strings), ("dsts", false, Strings))));

    /// <summary>§11.5.1.3: srcs and dsts each optional (empty or absent = the client's address), not both empty.</summary>
    public static ObjectShape EndpointCostRequest { get; } = ObjectShape.Of(
        ("cost-type", true, CostType),
        ("constraints", false, Strings),
        ("endpoints", true, ObjectShape.Of(("srcs", false, Strings), ("dsts", false, Strings))));

    /// <summary>§11.5.1.6.</summary>
    public static ObjectShape EndpointCostResponse { get; } = ObjectShape.Of(
        ("meta", true, Meta),
        ("endpoint-cost-map", true, CostMatrix));

    /// <summary>§11.4.1.3.</summary>
    public static ObjectShape EndpointPropertyRequest { get; } = ObjectShape.Of(
        ("properties", true, Strings),
        ("endpoints", true, Strings));

    /// <summary>§11.4.1.6.</summary>
    public static ObjectShape EndpointPropertyResponse { get; } = ObjectShape.Of(
        ("meta", true, Meta),
        ("endpoint-properties", true, new MapShape(new MapShape(ValueShape.String))));

    /// <summary>§8.5.1: {"meta":{"code":…}}.</summary>
    public static ObjectShape ErrorDocument { get; } = ObjectShape.Of(
        ("meta", true, ObjectShape.Of(
            ("code", true, ValueShape.String),
            ("field", false, ValueShape.String),
            ("value", false, ValueShape.Any),
            ("syntax-error", false, ValueShape.String))));
}
