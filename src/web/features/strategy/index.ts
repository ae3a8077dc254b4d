export { default as StrategyMapPage } from './StrategyMapPage';
export { StrategyNodeCard } from './StrategyNodeCard';
