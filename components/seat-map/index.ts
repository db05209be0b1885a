export { SeatMap } from "./seat-map-with-form";
export type { SeatMapProps } from "./seat-map";
export { SeatLegend } from "./seat-legend";
