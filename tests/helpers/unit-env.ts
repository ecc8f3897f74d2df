// Unit tests load handler modules without touching DynamoDB; these satisfy their fail-fast env checks.
process.env.TABLE_NAME ??= 'linli-unit';
process.env.JWT_SECRET ??= 'linli-unit-test-secret';
process.env.LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
