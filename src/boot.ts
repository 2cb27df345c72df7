/**
 * The page's entry: spawns the engine worker first, then loads the app. Kept tiny so the
 * worker starts before the app's bundle (React and the UI) is downloaded and parsed.
 */
import { startEarlyWorker } from './worker/earlyWorker';

startEarlyWorker();
void import('./main');
