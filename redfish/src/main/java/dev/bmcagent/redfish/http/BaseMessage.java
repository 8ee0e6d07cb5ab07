package dev.bmcagent.redfish.http;

/**
 * The DMTF Base message registry entries this service uses (Base.1.19.0): message id, HTTP status the service
 * answers with, severity, message template (%1, %2... replaced by args) and resolution, as the registry words them.
 */
public enum BaseMessage {
    Success(200, "OK", "The request completed successfully.", "None."),
    Created(201, "OK", "The resource was created successfully.", "None."),
    GeneralError(
            400,
            "Critical",
            "A general error has occurred.  See Resolution for information on how to resolve the error, or @Message.ExtendedInfo if Resolution is not provided.",
            "None."),
    InternalError(
            500,
            "Critical",
            "The request failed due to an internal service error.  The service is still operational.",
            "Resubmit the request.  If the problem persists, consider resetting the service."),
    UnrecognizedRequestBody(
            400,
            "Warning",
            "The service detected a malformed request body that it was unable to interpret.",
            "Correct the request body and resubmit the request if it failed."),
    NoOperation(
            400,
            "Warning",
            "The request body submitted contain no data to act upon and no changes to the resource took place.",
            "Add properties in the JSON object and resubmit the request."),
    MalformedJSON(
            400,
            "Critical",
            "The request body submitted was malformed JSON and could not be parsed by the receiving service.",
            "Ensure that the request body is valid JSON and resubmit the request."),
    PropertyUnknown(
            400,
            "Warning",
            "The property %1 is not in the list of valid properties for the resource.",
            "Remove the unknown property from the request body and resubmit the request if the operation failed."),
    PropertyNotWritable(
            400,
            "Warning",
            "The property %1 is a read-only property and cannot be assigned a value.",
            "Remove the property from the request body and resubmit the request if the operation failed."),
    PropertyValueTypeError(
            400,
            "Warning",
            "The value '%1' for the property %2 is not a type that the property can accept.",
            "Correct the value for the property in the request body and resubmit the request if the operation failed."),
    PropertyValueNotInList(
            400,
            "Warning",
            "The value '%1' for the property %2 is not in the list of acceptable values.",
            "Choose a value from the enumeration list that the implementation can support and resubmit the request if the operation failed."),
    PropertyValueFormatError(
            400,
            "Warning",
            "The value '%1' for the property %2 is not a format that the property can accept.",
            "Correct the value for the property in the request body and resubmit the request if the operation failed."),
    PropertyValueConflict(
            400,
            "Warning",
            "The property '%1' could not be written because its value would conflict with the value of the '%2' property.",
            "No resolution is required."),
    PropertyValueIncorrect(
            400,
            "Warning",
            "The property %1 with the requested value of '%2' could not be written because the value does not meet the constraints of the implementation.",
            "No resolution is required."),
    PropertyMissing(
            400,
            "Warning",
            "The property %1 is a required property and must be included in the request.",
            "Ensure that the property is in the request body and has a valid value and resubmit the request if the operation failed."),
    ActionNotSupported(
            400,
            "Critical",
            "The action %1 is not supported by the resource.",
            "The action supplied cannot be resubmitted to the implementation.  Perhaps the action was invalid, the wrong resource was the target or the implementation documentation may be of assistance."),
    ActionParameterMissing(
            400,
            "Critical",
            "The action %1 requires the parameter %2 to be present in the request body.",
            "Supply the action with the required parameter in the request body when the request is resubmitted."),
    ActionParameterValueNotInList(
            400,
            "Warning",
            "The value '%1' for the parameter %2 in the action %3 is not in the list of acceptable values.",
            "Choose a value from the enumeration list that the implementation can support and resubmit the request if the operation failed."),
    ActionParameterValueTypeError(
            400,
            "Warning",
            "The value '%1' for the parameter %2 in the action %3 is not a type that the parameter can accept.",
            "Correct the value for the parameter in the request body and resubmit the request if the operation failed."),
    ActionParameterValueFormatError(
            400,
            "Warning",
            "The value '%1' for the parameter %2 in the action %3 is not a format that the parameter can accept.",
            "Correct the value for the parameter in the request body and resubmit the request if the operation failed."),
    ActionParameterValueError(
            400,
            "Warning",
            "The value for the parameter %1 in the action %2 is invalid.",
            "Correct the value for the parameter in the request body and resubmit the request if the operation failed."),
    ActionParameterNotSupported(
            400,
            "Warning",
            "The parameter %1 for the action %2 is not supported on the target resource.",
            "Remove the parameter supplied and resubmit the request if the operation failed."),
    ActionParameterUnknown(
            400,
            "Warning",
            "The action %1 was submitted with the invalid parameter %2.",
            "Correct the invalid parameter and resubmit the request if the operation failed."),
    QueryParameterValueFormatError(
            400,
            "Warning",
            "The value '%1' for the parameter %2 is not a format that the parameter can accept.",
            "Correct the value for the query parameter in the request and resubmit the request if the operation failed."),
    QueryParameterValueTypeError(
            400,
            "Warning",
            "The value '%1' for the query parameter %2 is not a type that the parameter can accept.",
            "Correct the value for the query parameter in the request and resubmit the request if the operation failed."),
    QueryParameterOutOfRange(
            400,
            "Warning",
            "The value '%1' for the query parameter %2 is out of range %3.",
            "Reduce the value for the query parameter to a value that is within range, such as a start or count value that is within bounds of the number of resources in a collection or a page that is within the range of valid pages."),
    QueryCombinationInvalid(
            400,
            "Warning",
            "Two or more query parameters in the request cannot be used together.",
            "Remove one or more of the query parameters and resubmit the request if the operation failed."),
    QueryNotSupportedOnOperation(
            400,
            "Warning",
            "Querying is not supported with the requested operation.",
            "Remove the query parameters and resubmit the request if the operation failed."),
    QueryNotSupported(
            501,
            "Warning",
            "Querying is not supported by the implementation.",
            "Remove the query parameters and resubmit the request if the operation failed."),
    QueryNotSupportedOnResource(
            400,
            "Warning",
            "Querying is not supported on the requested resource.",
            "Remove the query parameters and resubmit the request if the operation failed."),
    NoValidSession(
            401,
            "Critical",
            "There is no valid session established with the implementation.",
            "Establish a session before attempting any operations."),
    InsufficientPrivilege(
            403,
            "Critical",
            "There are insufficient privileges for the account or credentials associated with the current session to perform the requested operation.",
            "Either abandon the operation or change the associated access rights and resubmit the request if the operation failed."),
    ResourceNotFound(
            404,
            "Critical",
            "The requested resource of type %1 named '%2' was not found.",
            "Provide a valid resource identifier and resubmit the request."),
    ResourceMissingAtURI(
            404,
            "Critical",
            "The resource at the URI '%1' was not found.",
            "Place a valid resource at the URI or correct the URI and resubmit the request."),
    OperationNotAllowed(405, "Critical", "The HTTP method is not allowed on this resource.", "None."),
    ResourceAlreadyExists(
            409,
            "Critical",
            "The requested resource of type %1 with the property %2 with the value '%3' already exists.",
            "Do not repeat the create operation as the resource has already been created."),
    PreconditionFailed(
            412,
            "Critical",
            "The ETag supplied did not match the current ETag of the resource.",
            "Try the operation again using the appropriate ETag."),
    HeaderInvalid(412, "Critical", "The header '%1' is invalid.", "Resubmit the request with a valid header."),
    SessionLimitExceeded(
            503,
            "Critical",
            "The session establishment failed due to the number of simultaneous sessions exceeding the limit of the implementation.",
            "Reduce the number of other sessions before trying to establish the session or increase the limit of simultaneous sessions, if supported."),
    EventSubscriptionLimitExceeded(
            503,
            "Critical",
            "The event subscription failed due to the number of simultaneous subscriptions exceeding the limit of the implementation.",
            "Reduce the number of other subscriptions before trying to establish the event subscription or increase the limit of simultaneous subscriptions, if supported."),
    ServiceTemporarilyUnavailable(
            503,
            "Critical",
            "The service is temporarily unavailable.  Retry in %1 seconds.",
            "Wait for the indicated retry duration and retry the operation."),
    ResourceCannotBeDeleted(
            405,
            "Critical",
            "The delete request failed because the resource requested cannot be deleted.",
            "Do not attempt to delete a non-deletable resource.");

    /** The registry this enum reproduces. */
    public static final String REGISTRY = "Base.1.19.0";

    private final int status;
    private final String severity;
    private final String template;
    private final String resolution;

    BaseMessage(int status, String severity, String template, String resolution) {
        this.status = status;
        this.severity = severity;
        this.template = template;
        this.resolution = resolution;
    }

    public int status() {
        return status;
    }

    public String severity() {
        return severity;
    }

    public String resolution() {
        return resolution;
    }

    public String messageId() {
        return REGISTRY + "." + name();
    }

    /** The message text with %1.. replaced, highest index first so %1 never eats %10. */
    public String format(String... args) {
        String text = template;
        for (int i = args.length; i >= 1; i--) {
            text = text.replace("%" + i, args[i - 1]);
        }
        return text;
    }
}
