export { SeatMap, type SeatMapProps } from "./seat-map";
export { SeatLegend } from "./seat-legend";
