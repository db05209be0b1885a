export { SeatMap, type SeatMapProps } from "./seat-map";
export { SeatMapPreview } from "./seat-map-preview";
