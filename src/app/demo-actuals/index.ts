export { seedDemoActuals } from './seed-demo-actuals';
export { derive2025Targets, generateDemoHistory, type DemoHistory, type DemoHistoryInput } from './generate';
