export { metrics, resetMetricsForTests, type Metrics } from "./registry";
export { measure } from "./measure";
export { countFulfilment, countHoldOutcome, countOrderStatus, countWebhookEvent } from "./outcomes";
export { metricsAccess } from "./access";
